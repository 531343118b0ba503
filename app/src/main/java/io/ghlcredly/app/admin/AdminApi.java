package io.ghlcredly.app.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ghlcredly.web.Route;
import io.ghlcredly.web.WebhookRequest;
import io.ghlcredly.web.WebhookResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON admin API under {@code /admin/api}, for requests bearing the admin token. Every endpoint
 * is listed in {@link #ENDPOINTS} and described by {@code openapi.json}. Thread-safe.
 */
final class AdminApi implements Route {
  static final String BASE = "/admin/api";

  /** Every endpoint, as the OpenAPI document names it. */
  static final List<String> ENDPOINTS =
      List.of(
          "GET /admin/api/openapi.json",
          "GET /admin/api/accounts",
          "GET /admin/api/rules",
          "GET /admin/api/events",
          "GET /admin/api/journal",
          "GET /admin/api/dead-letters",
          "POST /admin/api/dead-letters/{id}/replay",
          "POST /admin/api/dead-letters/replay-all",
          "GET /admin/api/imports",
          "GET /admin/api/rate-limits",
          "GET /admin/api/jobs",
          "GET /admin/api/activity");

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;
  private static final Pattern REPLAY = Pattern.compile("/dead-letters/(\\d{1,18})/replay");
  private static final ObjectMapper JSON =
      new ObjectMapper().setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

  private final AdminAuth auth;
  private final AdminReadModel views;
  private final AdminActions actions;
  private final String openApi;

  AdminApi(AdminAuth auth, AdminReadModel views, AdminActions actions) {
    this.auth = auth;
    this.views = views;
    this.actions = actions;
    this.openApi = resource("openapi.json");
  }

  @Override
  public WebhookResponse handle(WebhookRequest request) {
    if (!auth.bearerAllowed(request)) {
      return new WebhookResponse(
          401,
          "{\"error\":\"admin token required\"}",
          Map.of("WWW-Authenticate", "Bearer realm=\"ghl-credly admin\""));
    }
    String path = request.path().substring(BASE.length());
    Map<String, String> query = request.query();
    return switch (request.method() + " " + path) {
      case "GET /openapi.json" -> new WebhookResponse(200, openApi, Map.of());
      case "GET /accounts" -> json(views.accounts());
      case "GET /rules" -> json(Map.of("rules", views.rules()));
      case "GET /events" -> json(Map.of("events", views.events(limit(query))));
      case "GET /journal" -> json(Map.of("entries", views.journal(limit(query))));
      case "GET /dead-letters" -> json(Map.of("deadLetters", views.deadLetters(limit(query))));
      case "GET /imports" -> json(Map.of("imports", views.imports()));
      case "GET /rate-limits" -> json(Map.of("rateLimits", views.rateLimits()));
      case "GET /jobs" -> json(views.jobs());
      case "GET /activity" -> json(views.activity());
      case "POST /dead-letters/replay-all" ->
          json(Map.of("replays", actions.replayAll(force(query))));
      default -> replayOne(request, path, query);
    };
  }

  private WebhookResponse replayOne(
      WebhookRequest request, String path, Map<String, String> query) {
    Matcher matcher = REPLAY.matcher(path);
    if (!request.method().equals("POST") || !matcher.matches()) {
      return WebhookResponse.error(404, "no admin endpoint " + request.method() + " " + path);
    }
    AdminViews.Replay replay = actions.replay(Long.parseLong(matcher.group(1)), force(query));
    if (replay.result().equals(AdminActions.NOT_FOUND)) {
      return WebhookResponse.error(404, "no dead letter " + replay.id());
    }
    return json(replay);
  }

  private static int limit(Map<String, String> query) {
    String text = query.get("limit");
    if (text == null) {
      return DEFAULT_LIMIT;
    }
    try {
      return Math.clamp(Long.parseLong(text), 1, MAX_LIMIT);
    } catch (NumberFormatException e) {
      return DEFAULT_LIMIT;
    }
  }

  private static boolean force(Map<String, String> query) {
    return Objects.equals(query.get("force"), "true");
  }

  static WebhookResponse json(Object body) {
    try {
      return new WebhookResponse(200, JSON.writeValueAsString(body), Map.of());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("admin view cannot be written as JSON", e);
    }
  }

  static String resource(String name) {
    try (InputStream in = AdminApi.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + name, e);
    }
  }
}

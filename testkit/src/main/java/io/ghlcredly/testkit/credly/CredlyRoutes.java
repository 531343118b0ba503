package io.ghlcredly.testkit.credly;

import com.fasterxml.jackson.databind.JsonNode;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.testkit.credly.CredlyState.IssueOutcome;
import io.ghlcredly.testkit.credly.CredlyState.RevokeOutcome;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import io.ghlcredly.testkit.server.EmulatorServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's HTTP routes: authentication, organization check, request parsing and status codes.
 * Errors use Credly's body {@code {"data":{"message":...},"metadata":null}}. Thread-safe.
 */
final class CredlyRoutes {
  private static final Logger log = LoggerFactory.getLogger(CredlyRoutes.class);
  static final int DEFAULT_PER = 50;
  private static final int MAX_PER = 100;

  private final CredlyState state;
  private final CredlyJson json;
  private final String apiBase;
  private final String organizationId;
  private final Secret authToken;
  private final BadgeRequestParser parser = new BadgeRequestParser();

  CredlyRoutes(
      CredlyState state, CredlyJson json, String apiBase, String organizationId, Secret token) {
    this.state = state;
    this.json = json;
    this.apiBase = apiBase;
    this.organizationId = organizationId;
    this.authToken = token;
  }

  void register(EmulatorServer server) {
    server.route("GET", "/organizations", authenticated(request -> organizations()));
    String org = "/organizations/{org}";
    server.route("GET", org, inOrganization(request -> ok(json.single(json.organization()))));
    server.route("GET", org + "/badge_templates/{id}", inOrganization(this::template));
    server.route("POST", org + "/badges", inOrganization(this::issue));
    server.route("GET", org + "/badges", inOrganization(this::listBadges));
    server.route("GET", org + "/badges/{id}", inOrganization(this::badge));
    server.route("PUT", org + "/badges/{id}/revoke", inOrganization(this::revoke));
    // The earner's accept link from accept_badge_url: no API token, as in a browser.
    server.route("GET", "/badges/{id}/accept", safely(this::accept));
  }

  private EmulatorResponse organizations() {
    CredlyJson.PageLinks links = new CredlyJson.PageLinks(1, 1, 1, DEFAULT_PER, null, null);
    return ok(json.page(List.of(json.organization()), links));
  }

  private EmulatorResponse template(EmulatorRequest request) {
    return state
        .template(request.pathParam("id"))
        .map(template -> ok(json.single(json.template(template, state.countIssued(template.id())))))
        .orElseGet(() -> error(404, "Badge template not found"));
  }

  private EmulatorResponse issue(EmulatorRequest request) {
    BadgeRequestParser.Parsed parsed = parser.parse(json.read(request.body()));
    if (parsed instanceof BadgeRequestParser.Parsed.Invalid invalid) {
      return error(422, invalid.message());
    }
    NewBadge newBadge = ((BadgeRequestParser.Parsed.Valid) parsed).badge();
    return switch (state.issue(newBadge)) {
      case IssueOutcome.Created created -> json(201, render(created.badge(), true));
      case IssueOutcome.InvalidTemplate invalid ->
          error(422, "Invalid or missing Badge Template ID: " + newBadge.templateId());
      // Credly's exact duplicate wording is not documented (credly.md §5b).
      case IssueOutcome.Duplicate duplicate -> error(422, "User already has this badge");
    };
  }

  private EmulatorResponse listBadges(EmulatorRequest request) {
    Map<String, String> query = request.query();
    String filterText = query.getOrDefault("filter", "");
    BadgeFilter filter = BadgeFilter.parse(filterText);
    int page = positiveInt(query, "page", 1);
    int per = Math.min(positiveInt(query, "per", DEFAULT_PER), MAX_PER);
    List<Badge> matching = state.badges().stream().filter(filter::matches).toList();
    int totalPages = (matching.size() + per - 1) / per;
    List<JsonNode> items =
        matching.stream()
            .skip((long) (page - 1) * per)
            .limit(per)
            .map(b -> render(b, false))
            .map(JsonNode.class::cast)
            .toList();
    CredlyJson.PageLinks links =
        new CredlyJson.PageLinks(
            page,
            matching.size(),
            totalPages,
            per,
            page > 1 ? pageUrl(filterText, page - 1, per) : null,
            page < totalPages ? pageUrl(filterText, page + 1, per) : null);
    return ok(json.page(items, links));
  }

  private String pageUrl(String filter, int page, int per) {
    StringBuilder url = new StringBuilder(apiBase);
    url.append("/organizations/").append(organizationId).append("/badges?");
    if (!filter.isEmpty()) {
      url.append("filter=").append(URLEncoder.encode(filter, StandardCharsets.UTF_8)).append('&');
    }
    return url.append("page=").append(page).append("&per=").append(per).toString();
  }

  private EmulatorResponse badge(EmulatorRequest request) {
    return state
        .badge(request.pathParam("id"))
        .map(badge -> ok(json.single(render(badge, false))))
        .orElseGet(() -> error(404, "Badge not found"));
  }

  private EmulatorResponse revoke(EmulatorRequest request) {
    JsonNode reason = json.read(request.body()).path("reason");
    if (!reason.isTextual() || reason.asText().isBlank()) {
      return error(422, "reason can't be blank");
    }
    return switch (state.revoke(request.pathParam("id"), reason.asText())) {
      case RevokeOutcome.Revoked revoked -> ok(json.single(render(revoked.badge(), false)));
      case RevokeOutcome.NotFound notFound -> error(404, "Badge not found");
      case RevokeOutcome.AlreadyRevoked already -> error(422, "Badge has already been revoked");
    };
  }

  private EmulatorResponse accept(EmulatorRequest request) {
    Optional<Badge> badge = state.badge(request.pathParam("id"));
    if (badge.isEmpty()) {
      return error(404, "Badge not found");
    }
    if (!Badge.PENDING.equals(badge.get().state())) {
      return error(422, "Badge is " + badge.get().state() + " and cannot be accepted");
    }
    return state
        .changeState(badge.get().id(), Badge.ACCEPTED)
        .map(accepted -> ok(json.single(render(accepted, false))))
        .orElseGet(() -> error(404, "Badge not found"));
  }

  private JsonNode render(Badge badge, boolean created) {
    BadgeTemplate template =
        state
            .template(badge.templateId())
            .orElseThrow(() -> new IllegalStateException("template gone: " + badge.templateId()));
    return json.badge(badge, template, state.countIssued(template.id()), created);
  }

  private Function<EmulatorRequest, EmulatorResponse> authenticated(
      Function<EmulatorRequest, EmulatorResponse> handler) {
    return safely(
        request ->
            authorized(request)
                ? handler.apply(request)
                : error(401, "You must provide a valid authorization token"));
  }

  private Function<EmulatorRequest, EmulatorResponse> inOrganization(
      Function<EmulatorRequest, EmulatorResponse> handler) {
    return authenticated(
        request ->
            organizationId.equals(request.pathParam("org"))
                ? handler.apply(request)
                : error(404, "Organization not found"));
  }

  /** Bad input answers 400 and a bug answers 500, never a dropped connection. */
  private Function<EmulatorRequest, EmulatorResponse> safely(
      Function<EmulatorRequest, EmulatorResponse> handler) {
    return request -> {
      try {
        return handler.apply(request);
      } catch (IllegalArgumentException e) {
        return error(400, String.valueOf(e.getMessage()));
      } catch (RuntimeException e) {
        log.atWarn()
            .addKeyValue("method", request.method())
            .addKeyValue("path", request.path())
            .setCause(e)
            .log("Credly emulator failed to handle a request");
        return error(500, "Emulator error: " + e);
      }
    };
  }

  /**
   * HTTP Basic with the token as user name; the password is ignored, as Credly accepts the common
   * client variants (credly.md §2a).
   */
  private boolean authorized(EmulatorRequest request) {
    Optional<String> header = request.header("Authorization");
    if (header.isEmpty() || !header.get().regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.get().substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
    int colon = decoded.indexOf(':');
    String user = colon < 0 ? decoded : decoded.substring(0, colon);
    return MessageDigest.isEqual(
        user.getBytes(StandardCharsets.UTF_8), authToken.reveal().getBytes(StandardCharsets.UTF_8));
  }

  private static int positiveInt(Map<String, String> query, String name, int fallback) {
    String value = query.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed >= 1) {
        return parsed;
      }
    } catch (NumberFormatException notNumber) {
      // answered below
    }
    throw new IllegalArgumentException(name + " must be a positive integer: " + value);
  }

  private EmulatorResponse ok(String body) {
    return EmulatorResponse.json(200, body);
  }

  private EmulatorResponse json(int status, JsonNode data) {
    return EmulatorResponse.json(status, json.single(data));
  }

  private EmulatorResponse error(int status, String message) {
    return EmulatorResponse.json(status, json.error(message));
  }
}

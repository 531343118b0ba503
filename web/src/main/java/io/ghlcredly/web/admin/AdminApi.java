package io.ghlcredly.web.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ghlcredly.core.model.OperatorRole;
import io.ghlcredly.web.Actor;
import io.ghlcredly.web.Answers;
import io.ghlcredly.web.ApiEndpoint;
import io.ghlcredly.web.Endpoint;
import io.ghlcredly.web.Scope;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The JSON admin API under {@code /admin/api}: reads for viewers, replays for editors, the change
 * log; endpoints contributed by the application ({@link ApiEndpoint}) get the same checks. Every
 * endpoint is described by {@code openapi.json}. Thread-safe.
 */
final class AdminApi {
  static final String BASE = "/admin/api";
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;
  private static final ObjectMapper JSON =
      new ObjectMapper().setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

  private final AdminData data;
  private final WorkspaceData workspaces;
  private final Guards guards;
  private final String openApi;

  AdminApi(AdminData data, WorkspaceData workspaces, Guards guards) {
    this.data = data;
    this.workspaces = workspaces;
    this.guards = guards;
    this.openApi = resource("openapi.json");
  }

  /** A read of the request's scope; {@code ?workspace=} out of the actor's scope is a 404. */
  @FunctionalInterface
  private interface ScopedRead {
    Object answer(Context ctx, Scope scope);
  }

  List<Endpoint> endpoints(List<ApiEndpoint> contributed) {
    List<Endpoint> endpoints = new ArrayList<>();
    read("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi), endpoints);
    scoped("/accounts", (ctx, scope) -> data.accounts(scope), endpoints);
    scoped("/rules", (ctx, scope) -> Map.of("rules", data.rules(scope)), endpoints);
    scoped("/events", (ctx, scope) -> Map.of("events", data.events(scope, limit(ctx))), endpoints);
    scoped(
        "/journal", (ctx, scope) -> Map.of("entries", data.journal(scope, limit(ctx))), endpoints);
    scoped(
        "/dead-letters",
        (ctx, scope) -> Map.of("deadLetters", data.deadLetters(scope, limit(ctx))),
        endpoints);
    scoped("/imports", (ctx, scope) -> Map.of("imports", data.imports(scope)), endpoints);
    scoped("/rate-limits", (ctx, scope) -> Map.of("rateLimits", data.rateLimits(scope)), endpoints);
    scoped("/jobs", (ctx, scope) -> data.jobs(scope), endpoints);
    scoped("/activity", (ctx, scope) -> data.activity(scope), endpoints);
    scoped(
        "/changes", (ctx, scope) -> Map.of("changes", data.changes(scope, limit(ctx))), endpoints);
    scoped(
        "/contacts",
        (ctx, scope) ->
            Map.of(
                "contacts",
                data.contacts(
                    scope, Objects.requireNonNullElse(ctx.queryParam("q"), ""), limit(ctx))),
        endpoints);
    read("/contacts/{id}", this::contact, endpoints);
    endpoints.add(
        Endpoint.management(
            HandlerType.POST,
            BASE + "/dead-letters/replay-all",
            guards.api(OperatorRole.EDITOR, this::replayAll)));
    endpoints.add(
        Endpoint.management(
            HandlerType.POST,
            BASE + "/dead-letters/{id}/replay",
            guards.api(OperatorRole.EDITOR, this::replayOne)));
    endpoints.addAll(new WorkspaceApi(workspaces, guards).endpoints());
    for (ApiEndpoint endpoint : contributed) {
      endpoints.add(
          Endpoint.management(
              endpoint.method(), endpoint.path(), guards.api(endpoint.role(), endpoint.handler())));
    }
    endpoints.add(
        Endpoint.management(
            HandlerType.GET,
            BASE + "/*",
            guards.api(OperatorRole.VIEWER, ctx -> Answers.error(ctx, 404, "no such endpoint"))));
    endpoints.add(
        Endpoint.management(
            HandlerType.POST,
            BASE + "/*",
            guards.api(OperatorRole.VIEWER, ctx -> Answers.error(ctx, 404, "no such endpoint"))));
    endpoints.add(
        Endpoint.management(
            HandlerType.DELETE,
            BASE + "/*",
            guards.api(OperatorRole.VIEWER, ctx -> Answers.error(ctx, 404, "no such endpoint"))));
    return endpoints;
  }

  private void read(String path, Handler handler, List<Endpoint> endpoints) {
    endpoints.add(
        Endpoint.management(
            HandlerType.GET, BASE + path, guards.api(OperatorRole.VIEWER, handler)));
  }

  private void scoped(String path, ScopedRead read, List<Endpoint> endpoints) {
    read(
        path,
        ctx -> {
          Optional<Scope> scope = scope(ctx);
          if (scope.isEmpty()) {
            Answers.error(ctx, 404, "no such workspace");
            return;
          }
          json(ctx, read.answer(ctx, scope.get()));
        },
        endpoints);
  }

  private Optional<Scope> scope(Context ctx) {
    return Scope.of(ctx, Actor.of(ctx), workspaces::exists);
  }

  private void contact(Context ctx) {
    Optional<AdminViews.ContactTimeline> timeline =
        data.contact(new Scope(Actor.of(ctx).workspaces()), ctx.pathParam("id"), limit(ctx));
    if (timeline.isEmpty()) {
      Answers.error(ctx, 404, "no contact " + ctx.pathParam("id"));
      return;
    }
    json(ctx, timeline.get());
  }

  private void replayAll(Context ctx) {
    Optional<Scope> scope = scope(ctx);
    if (scope.isEmpty()) {
      Answers.error(ctx, 404, "no such workspace");
      return;
    }
    json(ctx, Map.of("replays", data.replayAll(scope.get(), force(ctx), Actor.of(ctx))));
  }

  private void replayOne(Context ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      Answers.error(ctx, 404, "no such dead letter");
      return;
    }
    Actor actor = Actor.of(ctx);
    AdminViews.Replay replay = data.replay(new Scope(actor.workspaces()), id, force(ctx), actor);
    if (replay.result().equals("not-found")) {
      Answers.error(ctx, 404, "no dead letter " + replay.id());
      return;
    }
    json(ctx, replay);
  }

  static int limit(Context ctx) {
    String text = ctx.queryParam("limit");
    if (text == null) {
      return DEFAULT_LIMIT;
    }
    try {
      return Math.clamp(Long.parseLong(text), 1, MAX_LIMIT);
    } catch (NumberFormatException e) {
      return DEFAULT_LIMIT;
    }
  }

  private static boolean force(Context ctx) {
    return Objects.equals(ctx.queryParam("force"), "true");
  }

  static void json(Context ctx, Object body) {
    try {
      ctx.contentType("application/json; charset=utf-8").result(JSON.writeValueAsString(body));
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

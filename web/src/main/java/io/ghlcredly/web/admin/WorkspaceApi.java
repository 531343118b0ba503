package io.ghlcredly.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ghlcredly.core.model.OperatorRole;
import io.ghlcredly.web.Actor;
import io.ghlcredly.web.Answers;
import io.ghlcredly.web.Endpoint;
import io.ghlcredly.web.MalformedInput;
import io.ghlcredly.web.Scope;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /admin/api/workspaces}: the workspaces in the caller's scope (viewer); creating one and
 * assigning or unassigning a location (admin), as {@code /admin/workspaces} does in the browser.
 * Thread-safe.
 */
final class WorkspaceApi {
  static final String PATH = AdminApi.BASE + "/workspaces";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WorkspaceData workspaces;
  private final Guards guards;

  WorkspaceApi(WorkspaceData workspaces, Guards guards) {
    this.workspaces = workspaces;
    this.guards = guards;
  }

  List<Endpoint> endpoints() {
    return List.of(
        Endpoint.management(HandlerType.GET, PATH, guards.api(OperatorRole.VIEWER, this::list)),
        Endpoint.management(HandlerType.POST, PATH, guards.api(OperatorRole.ADMIN, this::create)),
        Endpoint.management(
            HandlerType.POST,
            PATH + "/{id}/locations",
            guards.api(OperatorRole.ADMIN, this::assign)),
        Endpoint.management(
            HandlerType.DELETE,
            PATH + "/{id}/locations/{location}",
            guards.api(OperatorRole.ADMIN, this::unassign)));
  }

  private void list(Context ctx) {
    Optional<Scope> scope = Scope.of(ctx, Actor.of(ctx), workspaces::exists);
    if (scope.isEmpty()) {
      Answers.error(ctx, 404, "no such workspace");
      return;
    }
    AdminApi.json(
        ctx,
        Map.of(
            "workspaces",
            workspaces.workspaces(scope.get()),
            "held",
            workspaces.held(scope.get())));
  }

  private void create(Context ctx) {
    JsonNode body = body(ctx);
    answer(
        ctx,
        workspaces.create(body.path("id").asText(""), body.path("name").asText(""), Actor.of(ctx)));
  }

  private void assign(Context ctx) {
    JsonNode body = body(ctx);
    answer(
        ctx,
        workspaces.assign(ctx.pathParam("id"), body.path("location").asText(""), Actor.of(ctx)));
  }

  private void unassign(Context ctx) {
    answer(ctx, workspaces.unassign(ctx.pathParam("id"), ctx.pathParam("location"), Actor.of(ctx)));
  }

  private static void answer(Context ctx, AdminViews.WorkspaceOutcome outcome) {
    if (outcome.done()) {
      ctx.status(outcome.status());
      AdminApi.json(ctx, outcome);
    } else {
      Answers.error(ctx, outcome.status(), outcome.message());
    }
  }

  private static JsonNode body(Context ctx) {
    try {
      JsonNode node = JSON.readTree(ctx.body());
      if (node == null || !node.isObject()) {
        throw new MalformedInput("the body is not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new MalformedInput("the body is not the JSON this endpoint takes", e);
    }
  }
}

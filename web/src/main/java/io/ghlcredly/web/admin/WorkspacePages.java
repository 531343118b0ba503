package io.ghlcredly.web.admin;

import io.ghlcredly.core.model.OperatorRole;
import io.ghlcredly.web.Endpoint;
import io.ghlcredly.web.Scope;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /admin/workspaces}, for admins: every workspace with its locations and health; create a
 * workspace; assign an installed location (or one whose events wait) to a workspace, or take it
 * out. A location the configuration file assigns stays where the file puts it. Every change is
 * recorded with who made it. Thread-safe.
 */
final class WorkspacePages {
  static final String PATH = Dashboard.HOME + "/workspaces";
  private static final Map<String, String> NOTICES =
      Map.of(
          "created", "Workspace created. Assign its locations below.",
          "assigned", "Location assigned: its waiting events are being applied.",
          "unassigned", "Location taken out of its workspace: its new events wait.");

  private final WorkspaceData workspaces;
  private final PageGuards guards;
  private final PageRenderer renderer;

  WorkspacePages(WorkspaceData workspaces, PageGuards guards, PageRenderer renderer) {
    this.workspaces = workspaces;
    this.guards = guards;
    this.renderer = renderer;
  }

  List<Endpoint> endpoints() {
    return List.of(
        Endpoint.management(
            HandlerType.GET,
            PATH,
            guards.page(
                OperatorRole.ADMIN,
                (ctx, session) -> {
                  String notice = Objects.requireNonNullElse(ctx.queryParam("notice"), "");
                  Form form = new Form();
                  form.values.put(
                      "location", Objects.requireNonNullElse(ctx.queryParam("location"), ""));
                  page(ctx, session, 200, NOTICES.getOrDefault(notice, ""), form);
                })),
        Endpoint.management(HandlerType.POST, PATH, guards.page(OperatorRole.ADMIN, this::create)),
        Endpoint.management(
            HandlerType.POST, PATH + "/assign", guards.page(OperatorRole.ADMIN, this::assign)),
        Endpoint.management(
            HandlerType.POST, PATH + "/unassign", guards.page(OperatorRole.ADMIN, this::unassign)));
  }

  /** What the operator typed, and the problems with it by field, to show them again. */
  private static final class Form {
    final Map<String, String> values = new HashMap<>();
    final Map<String, String> errors = new LinkedHashMap<>();
  }

  private void create(Context ctx, AdminAccess.Session session) {
    Form form = new Form();
    String name = Forms.field(ctx, "name").trim();
    String id = Forms.field(ctx, "id").trim();
    form.values.put("name", name);
    form.values.put("id", id);
    finish(ctx, session, workspaces.create(id, name, session.actor()), form, "created");
  }

  private void assign(Context ctx, AdminAccess.Session session) {
    Form form = new Form();
    String location = Forms.field(ctx, "location");
    String workspace = Forms.field(ctx, "workspace");
    form.values.put("location", location);
    form.values.put("workspace", workspace);
    finish(ctx, session, workspaces.assign(workspace, location, session.actor()), form, "assigned");
  }

  private void unassign(Context ctx, AdminAccess.Session session) {
    AdminViews.WorkspaceOutcome outcome =
        workspaces.unassign(
            Forms.field(ctx, "workspace"), Forms.field(ctx, "location"), session.actor());
    finish(ctx, session, outcome, new Form(), "unassigned");
  }

  private void finish(
      Context ctx,
      AdminAccess.Session session,
      AdminViews.WorkspaceOutcome outcome,
      Form form,
      String notice) {
    if (outcome.done()) {
      PageGuards.redirect(ctx, PATH, notice);
      return;
    }
    String field = outcome.field();
    form.errors.put(field == null ? "page" : field, outcome.message());
    page(ctx, session, outcome.status(), "", form);
  }

  private void page(
      Context ctx, AdminAccess.Session session, int status, String notice, Form form) {
    Map<String, Object> context = new HashMap<>();
    context.put("notice", notice);
    context.put("workspaces", workspaces.workspaces(Scope.ALL));
    context.put("choices", workspaces.locations());
    context.put("held", workspaces.held(Scope.ALL));
    context.put("summary", List.copyOf(form.errors.entrySet()));
    Map<String, String> errors = new HashMap<>(form.errors);
    for (String key : List.of("name", "id", "location", "workspace", "page")) {
      form.values.putIfAbsent(key, "");
      errors.putIfAbsent(key, "");
    }
    context.put("values", form.values);
    context.put("errors", errors);
    renderer.render(ctx, status, "workspaces", session, context);
  }
}

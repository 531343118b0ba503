package io.ghlcredly.web.admin;

import io.ghlcredly.core.model.Operator;
import io.ghlcredly.core.model.OperatorId;
import io.ghlcredly.core.model.OperatorRole;
import io.ghlcredly.web.Endpoint;
import io.ghlcredly.web.operators.ChangeResult;
import io.ghlcredly.web.operators.InviteResult;
import io.ghlcredly.web.operators.Operators;
import io.ghlcredly.web.operators.WelcomeLink;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code /admin/operators}, for admins: who may sign in and with which role; invite someone (the
 * one-time link is shown once, to pass on), change a role, disable or enable, send a new link.
 * Every change is recorded with who made it. Thread-safe.
 */
final class OperatorPages {
  static final String PATH = Dashboard.HOME + "/operators";
  private static final Map<String, String> NOTICES =
      Map.of(
          "role-changed", "Role changed.",
          "disabled", "Disabled: their sessions ended.",
          "enabled", "Enabled: they can sign in again.",
          "workspaces-changed", "Workspaces changed: they see only those from their next page on.");

  private final Operators operators;
  private final AdminData data;
  private final WorkspaceData workspaces;
  private final PageGuards guards;
  private final PageRenderer renderer;
  private final @Nullable URI publicUrl;

  OperatorPages(
      Operators operators,
      AdminData data,
      WorkspaceData workspaces,
      PageGuards guards,
      PageRenderer renderer,
      @Nullable URI publicUrl) {
    this.operators = operators;
    this.data = data;
    this.workspaces = workspaces;
    this.guards = guards;
    this.renderer = renderer;
    this.publicUrl = publicUrl;
  }

  List<Endpoint> endpoints() {
    return List.of(
        Endpoint.management(
            HandlerType.GET,
            PATH,
            guards.page(
                OperatorRole.ADMIN,
                (ctx, session) -> {
                  String notice = ctx.queryParam("notice");
                  list(
                      ctx,
                      session,
                      200,
                      notice == null ? "" : NOTICES.getOrDefault(notice, ""),
                      "",
                      null);
                })),
        Endpoint.management(HandlerType.POST, PATH, guards.page(OperatorRole.ADMIN, this::invite)),
        Endpoint.management(
            HandlerType.POST, PATH + "/{id}/role", guards.page(OperatorRole.ADMIN, this::role)),
        Endpoint.management(
            HandlerType.POST,
            PATH + "/{id}/disable",
            guards.page(
                OperatorRole.ADMIN,
                (ctx, session) -> change(ctx, session, "disabled", operators::disable))),
        Endpoint.management(
            HandlerType.POST,
            PATH + "/{id}/enable",
            guards.page(
                OperatorRole.ADMIN,
                (ctx, session) -> change(ctx, session, "enabled", operators::enable))),
        Endpoint.management(
            HandlerType.POST, PATH + "/{id}/link", guards.page(OperatorRole.ADMIN, this::newLink)),
        Endpoint.management(
            HandlerType.POST,
            PATH + "/{id}/workspaces",
            guards.page(OperatorRole.ADMIN, this::limit)));
  }

  /** Limits an editor or a viewer to the workspaces checked; none checked: every workspace. */
  private void limit(Context ctx, AdminAccess.Session session) {
    Optional<Operator> operator = id(ctx).flatMap(operators::find);
    if (operator.isEmpty()) {
      list(ctx, session, 404, "", "No such operator.", null);
      return;
    }
    AdminViews.WorkspaceOutcome outcome =
        workspaces.limit(
            operator.get().id(),
            operator.get().email(),
            new java.util.LinkedHashSet<>(Forms.fields(ctx, "workspace")),
            session.actor());
    if (!outcome.done()) {
      list(ctx, session, outcome.status(), "", outcome.message(), null);
      return;
    }
    PageGuards.redirect(ctx, PATH, "workspaces-changed");
  }

  private void invite(Context ctx, AdminAccess.Session session) {
    String email = Forms.field(ctx, "email").trim();
    String name = Forms.field(ctx, "name").trim();
    Optional<OperatorRole> role = OperatorRole.fromWord(Forms.field(ctx, "role"));
    if (role.isEmpty()) {
      list(ctx, session, 400, "", "Choose a role: viewer, editor or admin.", null);
      return;
    }
    InviteResult result =
        operators.invite(email, name.isEmpty() ? null : name, role.get(), session.actor().name());
    linked(ctx, session, result, "invited " + role.get().word());
  }

  private void newLink(Context ctx, AdminAccess.Session session) {
    Optional<OperatorId> id = id(ctx);
    if (id.isEmpty()) {
      list(ctx, session, 404, "", "No such operator.", null);
      return;
    }
    linked(ctx, session, operators.newLink(id.get(), session.actor().name()), "sent a new link");
  }

  private void linked(
      Context ctx, AdminAccess.Session session, InviteResult result, String action) {
    switch (result) {
      case InviteResult.Invited invited -> {
        data.record(session.actor(), action, invited.operator().email());
        URI link = WelcomeLink.of(base(ctx), invited.token());
        list(
            ctx,
            session,
            200,
            "Send this one-time link to "
                + invited.operator().email()
                + ": it lets them set a password, once, within 72 hours.",
            "",
            link.toString());
      }
      case InviteResult.Refused refused -> list(ctx, session, 400, "", refused.reason(), null);
    }
  }

  private void role(Context ctx, AdminAccess.Session session) {
    Optional<OperatorRole> role = OperatorRole.fromWord(Forms.field(ctx, "role"));
    if (role.isEmpty()) {
      list(ctx, session, 400, "", "Choose a role: viewer, editor or admin.", null);
      return;
    }
    change(
        ctx,
        session,
        "role-changed",
        (id, by) -> operators.changeRole(id, role.get(), by),
        "role " + role.get().word());
  }

  private interface Change {
    ChangeResult apply(OperatorId id, String by);
  }

  private void change(Context ctx, AdminAccess.Session session, String notice, Change change) {
    change(ctx, session, notice, change, notice);
  }

  private void change(
      Context ctx, AdminAccess.Session session, String notice, Change change, String action) {
    Optional<OperatorId> id = id(ctx);
    Optional<Operator> operator = id.flatMap(operators::find);
    if (id.isEmpty() || operator.isEmpty()) {
      list(ctx, session, 404, "", "No such operator.", null);
      return;
    }
    switch (change.apply(id.get(), session.actor().name())) {
      case ChangeResult.Changed changed -> {
        data.record(session.actor(), action, changed.operator().email());
        PageGuards.redirect(ctx, PATH, notice);
      }
      case ChangeResult.Refused refused -> list(ctx, session, 409, "", refused.reason(), null);
    }
  }

  private static Optional<OperatorId> id(Context ctx) {
    try {
      return Optional.of(new OperatorId(Long.parseLong(ctx.pathParam("id"))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private void list(
      Context ctx,
      AdminAccess.Session session,
      int status,
      String notice,
      String problem,
      @Nullable String link) {
    Map<String, Object> context = new HashMap<>();
    List<AdminViews.Workspace> all = workspaces.workspaces(io.ghlcredly.web.Scope.ALL);
    context.put("operators", operators.list().stream().map(each -> row(each, all)).toList());
    context.put("workspaces", all);
    context.put("severalWorkspaces", all.size() > 1);
    context.put("notice", notice);
    context.put("problem", problem);
    context.put("link", link == null ? "" : link);
    context.put("roles", List.of("viewer", "editor", "admin"));
    renderer.render(ctx, status, "operators", session, context);
  }

  /**
   * One operator as the page shows them.
   *
   * @param workspaces the ids of the workspaces they are limited to; empty: every workspace
   */
  record Row(
      long id,
      String email,
      String name,
      String role,
      String state,
      String createdBy,
      List<String> workspaces,
      String sees) {}

  private Row row(Operator operator, List<AdminViews.Workspace> all) {
    List<String> limits =
        operator.role().includes(OperatorRole.ADMIN)
            ? List.of()
            : workspaces.limitsOf(operator.id()).stream().map(Object::toString).sorted().toList();
    return new Row(
        operator.id().value(),
        operator.email(),
        operator.displayName() == null ? "" : operator.displayName(),
        operator.role().word(),
        operator.state().word(),
        operator.createdBy(),
        limits,
        String.join(
            ", ",
            all.stream()
                .filter(workspace -> limits.contains(workspace.id()))
                .map(AdminViews.Workspace::name)
                .toList()));
  }

  private URI base(Context ctx) {
    if (publicUrl != null) {
      return publicUrl;
    }
    return URI.create(ctx.scheme() + "://" + ctx.host());
  }
}

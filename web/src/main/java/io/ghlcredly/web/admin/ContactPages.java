package io.ghlcredly.web.admin;

import io.ghlcredly.core.model.OperatorRole;
import io.ghlcredly.web.Endpoint;
import io.ghlcredly.web.Scope;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /admin/contacts} (search by name, email or GHL id, a plain GET form) and {@code
 * /admin/contacts/{id}} (one contact and what happened to it, newest first, with Retry on failures
 * for editors), for every role, limited to the operator's workspaces: a contact out of scope is a
 * 404 page, as an unknown one. Thread-safe.
 */
final class ContactPages {
  static final String PATH = Dashboard.HOME + "/contacts";
  static final int RESULTS = 50;
  static final int TIMELINE = 200;
  private static final Map<String, String> NOTICES =
      Map.of(
          "replayed", "Retry queued: the contact's sync runs again. Refresh in a moment.",
          "already-replayed", "That failure was retried already.",
          "not-found", "No such failure.");

  private final AdminData data;
  private final WorkspaceData workspaces;
  private final PageGuards guards;
  private final PageRenderer renderer;

  ContactPages(AdminData data, WorkspaceData workspaces, PageGuards guards, PageRenderer renderer) {
    this.data = data;
    this.workspaces = workspaces;
    this.guards = guards;
    this.renderer = renderer;
  }

  List<Endpoint> endpoints() {
    return List.of(
        Endpoint.management(HandlerType.GET, PATH, guards.page(OperatorRole.VIEWER, this::search)),
        Endpoint.management(
            HandlerType.GET, PATH + "/{id}", guards.page(OperatorRole.VIEWER, this::contact)));
  }

  /** The page of a contact, to link to or come back to. */
  static String pathOf(String id) {
    return PATH + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private void search(Context ctx, AdminAccess.Session session) {
    Optional<Scope> scope = Scope.of(ctx, session.actor(), workspaces::exists);
    if (scope.isEmpty()) {
      guards.notFound(ctx, session);
      return;
    }
    String query = Objects.requireNonNullElse(ctx.queryParam("q"), "").trim();
    Map<String, Object> context = new HashMap<>();
    context.put("query", query);
    context.put(
        "results", query.isEmpty() ? List.of() : data.contacts(scope.get(), query, RESULTS));
    context.put("limit", RESULTS);
    renderer.render(ctx, 200, "contacts", session, context);
  }

  private void contact(Context ctx, AdminAccess.Session session) {
    Optional<AdminViews.ContactTimeline> timeline =
        data.contact(new Scope(session.workspaces()), ctx.pathParam("id"), TIMELINE);
    if (timeline.isEmpty()) {
      guards.notFound(ctx, session);
      return;
    }
    Map<String, Object> context = new HashMap<>();
    String notice = ctx.queryParam("notice");
    context.put("notice", notice == null ? "" : NOTICES.getOrDefault(notice, ""));
    context.put("contact", timeline.get().contact());
    context.put("entries", timeline.get().entries());
    renderer.render(ctx, 200, "contact", session, context);
  }
}

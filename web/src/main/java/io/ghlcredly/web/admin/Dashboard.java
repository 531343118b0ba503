package io.ghlcredly.web.admin;

import io.ghlcredly.core.model.OperatorRole;
import io.ghlcredly.web.Endpoint;
import io.ghlcredly.web.Scope;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The overview page at {@code /admin} (everything operators watch, for every role, limited to the
 * workspaces they may see and narrowed by {@code ?workspace=}) and its forms: replaying dead
 * letters, for editors and admins. Thread-safe.
 */
final class Dashboard {
  static final String HOME = "/admin";
  private static final int FEED = 25;
  private static final Map<String, String> NOTICES =
      Map.of(
          "replayed", "Replay queued: the contact's sync runs again.",
          "already-replayed", "That dead letter was replayed already.",
          "not-found", "No such dead letter.",
          "replayed-all", "Every dead letter not replayed yet was queued again.",
          "signed-in", "Signed in.",
          "password-changed", "Password changed: every other session of yours has ended.");

  private final AdminData data;
  private final WorkspaceData workspaces;
  private final PageGuards guards;
  private final PageRenderer renderer;

  Dashboard(AdminData data, WorkspaceData workspaces, PageGuards guards, PageRenderer renderer) {
    this.data = data;
    this.workspaces = workspaces;
    this.guards = guards;
    this.renderer = renderer;
  }

  List<Endpoint> endpoints() {
    return List.of(
        Endpoint.management(
            HandlerType.GET, HOME, guards.page(OperatorRole.VIEWER, this::overview)),
        Endpoint.management(
            HandlerType.POST,
            HOME + "/dead-letters/replay-all",
            guards.page(OperatorRole.EDITOR, this::replayAll)),
        Endpoint.management(
            HandlerType.POST,
            HOME + "/dead-letters/{id}/replay",
            guards.page(OperatorRole.EDITOR, this::replayOne)));
  }

  private void replayAll(Context ctx, AdminAccess.Session session) {
    Optional<Scope> scope = scope(session, Forms.field(ctx, Scope.PARAMETER));
    if (scope.isEmpty()) {
      guards.notFound(ctx, session);
      return;
    }
    data.replayAll(scope.get(), false, session.actor());
    PageGuards.redirect(ctx, home(ctx), "replayed-all");
  }

  private void replayOne(Context ctx, AdminAccess.Session session) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      String contact = Forms.field(ctx, "contact");
      PageGuards.redirect(
          ctx, contact.isEmpty() ? home(ctx) : ContactPages.pathOf(contact), "not-found");
      return;
    }
    AdminViews.Replay replay =
        data.replay(new Scope(session.workspaces()), id, false, session.actor());
    // A retry from a contact's page goes back to that page.
    String contact = Forms.field(ctx, "contact");
    String back = contact.isEmpty() ? home(ctx) : ContactPages.pathOf(contact);
    PageGuards.redirect(ctx, back, replay.result());
  }

  /** The overview again, of the workspace the form was posted from. */
  private static String home(Context ctx) {
    String workspace = Forms.field(ctx, Scope.PARAMETER);
    return workspace.isEmpty() ? HOME : HOME + "?workspace=" + encode(workspace);
  }

  private Optional<Scope> scope(AdminAccess.Session session, String asked) {
    return Scope.of(asked, session.actor(), workspaces::exists);
  }

  private void overview(Context ctx, AdminAccess.Session session) {
    String asked = Objects.requireNonNullElse(ctx.queryParam(Scope.PARAMETER), "");
    Optional<Scope> found = Scope.of(ctx, session.actor(), workspaces::exists);
    if (found.isEmpty()) {
      guards.notFound(ctx, session);
      return;
    }
    Scope scope = found.get();
    AdminViews.Activity activity = data.activity(scope);
    List<AdminViews.Minute> minutes = activity.minutes();
    Map<String, Object> context = new HashMap<>();
    String notice = ctx.queryParam("notice");
    context.put("notice", notice == null ? "" : NOTICES.getOrDefault(notice, ""));
    context.put("choices", workspaces.workspaces(new Scope(session.workspaces())));
    context.put("current", asked);
    context.put("query", asked.isEmpty() ? "" : "?workspace=" + encode(asked));
    context.put("health", workspaces.workspaces(scope));
    context.put("held", workspaces.held(scope));
    context.put("accounts", data.accounts(scope));
    context.put("rules", data.rules(scope));
    List<AdminViews.Event> events = data.events(scope, FEED);
    List<AdminViews.JournalEntry> journal = data.journal(scope, FEED);
    List<AdminViews.DeadLetter> deadLetters = data.deadLetters(scope, FEED);
    context.put("events", events);
    context.put("journal", journal);
    context.put("deadLetters", deadLetters);
    Set<String> ids = new LinkedHashSet<>();
    events.forEach(event -> ids.add(event.contactId()));
    journal.forEach(entry -> ids.add(entry.contactId()));
    deadLetters.forEach(letter -> ids.add(letter.contactId()));
    context.put("people", data.people(ids));
    context.put("imports", data.imports(scope));
    context.put("rateLimits", data.rateLimits(scope));
    context.put("jobs", data.jobs(scope));
    context.put("changes", data.changes(scope, 10));
    context.put("activity", activity);
    context.put("throughput", SvgBars.of(minutes, AdminViews.Minute::received, " events"));
    context.put(
        "latency",
        SvgBars.of(
            minutes, minute -> Objects.requireNonNullElse(minute.meanLatencyMs(), 0L), " ms mean"));
    context.put("chartWidth", SvgBars.WIDTH);
    context.put("chartHeight", SvgBars.HEIGHT);
    renderer.render(ctx, 200, "dashboard", session, context);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}

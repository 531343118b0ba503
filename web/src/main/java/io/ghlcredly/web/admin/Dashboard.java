package io.ghlcredly.web.admin;

import io.ghlcredly.core.model.OperatorRole;
import io.ghlcredly.web.Endpoint;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The overview page at {@code /admin} (everything operators watch, for every role) and its forms:
 * replaying dead letters, for editors and admins. Thread-safe.
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
  private final PageGuards guards;
  private final PageRenderer renderer;

  Dashboard(AdminData data, PageGuards guards, PageRenderer renderer) {
    this.data = data;
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
            guards.page(
                OperatorRole.EDITOR,
                (ctx, session) -> {
                  data.replayAll(false, session.actor());
                  PageGuards.redirect(ctx, HOME, "replayed-all");
                })),
        Endpoint.management(
            HandlerType.POST,
            HOME + "/dead-letters/{id}/replay",
            guards.page(OperatorRole.EDITOR, this::replayOne)));
  }

  private void replayOne(Context ctx, AdminAccess.Session session) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      PageGuards.redirect(ctx, HOME, "not-found");
      return;
    }
    AdminViews.Replay replay = data.replay(id, false, session.actor());
    PageGuards.redirect(ctx, HOME, replay.result());
  }

  private void overview(Context ctx, AdminAccess.Session session) {
    AdminViews.Activity activity = data.activity();
    List<AdminViews.Minute> minutes = activity.minutes();
    Map<String, Object> context = new HashMap<>();
    String notice = ctx.queryParam("notice");
    context.put("notice", notice == null ? "" : NOTICES.getOrDefault(notice, ""));
    context.put("accounts", data.accounts());
    context.put("rules", data.rules());
    context.put("events", data.events(FEED));
    context.put("journal", data.journal(FEED));
    context.put("deadLetters", data.deadLetters(FEED));
    context.put("imports", data.imports());
    context.put("rateLimits", data.rateLimits());
    context.put("jobs", data.jobs());
    context.put("changes", data.changes(10));
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
}

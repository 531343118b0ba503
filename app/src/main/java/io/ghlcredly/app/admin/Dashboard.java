package io.ghlcredly.app.admin;

import io.ghlcredly.web.Route;
import io.ghlcredly.web.WebhookRequest;
import io.ghlcredly.web.WebhookResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard pages under {@code /admin}: a login form that starts a cookie session, one page
 * with everything operators watch, and POST forms (checked against the session's CSRF token) that
 * replay dead letters. Thread-safe.
 */
final class Dashboard implements Route {
  static final String HOME = "/admin";
  private static final int FEED = 25;
  private static final Pattern REPLAY = Pattern.compile("/admin/dead-letters/(\\d{1,18})/replay");
  private static final Map<String, String> NOTICES =
      Map.of(
          "replayed", "Replay queued: the contact's sync runs again.",
          "already-replayed", "That dead letter was replayed already.",
          "not-found", "No such dead letter.",
          "replayed-all", "Every dead letter not replayed yet was queued again.");
  private static final Map<String, String> HTML_HEADERS =
      Map.of(
          "Content-Type",
          "text/html; charset=utf-8",
          "Cache-Control",
          "no-store",
          "X-Content-Type-Options",
          "nosniff",
          "Referrer-Policy",
          "no-referrer",
          "Content-Security-Policy",
          "default-src 'none'; style-src 'unsafe-inline'; form-action 'self';"
              + " frame-ancestors 'none'; base-uri 'none'");

  private final AdminAuth auth;
  private final AdminReadModel views;
  private final AdminActions actions;
  private final Pages pages;
  private final boolean secureCookie;

  Dashboard(
      AdminAuth auth,
      AdminReadModel views,
      AdminActions actions,
      Pages pages,
      boolean secureCookie) {
    this.auth = auth;
    this.views = views;
    this.actions = actions;
    this.pages = pages;
    this.secureCookie = secureCookie;
  }

  @Override
  public WebhookResponse handle(WebhookRequest request) {
    String path = request.path();
    if (request.method().equals("POST") && path.equals(HOME + "/login")) {
      return login(request);
    }
    Optional<AdminAuth.Session> session = auth.session(request);
    if (session.isEmpty()) {
      return loginPage(null);
    }
    if (request.method().equals("GET") && path.equals(HOME)) {
      return page(200, dashboard(session.get(), request.query().get("notice")));
    }
    if (!request.method().equals("POST")) {
      return WebhookResponse.error(404, "no admin page " + path);
    }
    if (!AdminAuth.csrfAllowed(session.get(), Cookies.form(request).getOrDefault("csrf", ""))) {
      return WebhookResponse.error(403, "the form is stale; reload the page");
    }
    return switch (path) {
      case HOME + "/logout" -> logout(session.get());
      case HOME + "/dead-letters/replay-all" -> {
        actions.replayAll(false);
        yield redirect("replayed-all", Map.of());
      }
      default -> replayOne(path);
    };
  }

  private WebhookResponse replayOne(String path) {
    Matcher matcher = REPLAY.matcher(path);
    if (!matcher.matches()) {
      return WebhookResponse.error(404, "no admin page " + path);
    }
    AdminViews.Replay replay = actions.replay(Long.parseLong(matcher.group(1)), false);
    return redirect(replay.result(), Map.of());
  }

  private WebhookResponse login(WebhookRequest request) {
    String token = Cookies.form(request).getOrDefault("token", "");
    return auth.login(token)
        .map(session -> redirect(null, Map.of("Set-Cookie", cookie(session.id(), false))))
        .orElseGet(() -> loginPage("That token is not the admin token."));
  }

  private WebhookResponse logout(AdminAuth.Session session) {
    auth.logout(session);
    return redirect(null, Map.of("Set-Cookie", cookie("", true)));
  }

  private String cookie(String value, boolean expire) {
    return AdminAuth.COOKIE
        + "="
        + value
        + "; Path="
        + HOME
        + "; HttpOnly; SameSite=Strict"
        + (secureCookie ? "; Secure" : "")
        + (expire ? "; Max-Age=0" : "; Max-Age=" + AdminAuth.SESSION_IDLE.toSeconds());
  }

  private static WebhookResponse redirect(@Nullable String notice, Map<String, String> extra) {
    Map<String, String> headers = new HashMap<>(extra);
    headers.put("Location", notice == null ? HOME : HOME + "?notice=" + notice);
    return new WebhookResponse(303, "", headers);
  }

  private WebhookResponse loginPage(@Nullable String problem) {
    Map<String, Object> context = new HashMap<>();
    context.put("problem", problem == null ? "" : problem);
    return page(401, pages.render("login", context));
  }

  private String dashboard(AdminAuth.Session session, @Nullable String notice) {
    AdminViews.Activity activity = views.activity();
    List<AdminViews.Minute> minutes = activity.minutes();
    Map<String, Object> context = new HashMap<>();
    context.put("csrf", session.csrfToken());
    context.put("notice", notice == null ? "" : NOTICES.getOrDefault(notice, ""));
    context.put("accounts", views.accounts());
    context.put("rules", views.rules());
    context.put("events", views.events(FEED));
    context.put("journal", views.journal(FEED));
    context.put("deadLetters", views.deadLetters(FEED));
    context.put("imports", views.imports());
    context.put("rateLimits", views.rateLimits());
    context.put("jobs", views.jobs());
    context.put("activity", activity);
    context.put("throughput", SvgBars.of(minutes, AdminViews.Minute::received, " events"));
    context.put(
        "latency",
        SvgBars.of(
            minutes, minute -> Objects.requireNonNullElse(minute.meanLatencyMs(), 0L), " ms mean"));
    context.put("chartWidth", SvgBars.WIDTH);
    context.put("chartHeight", SvgBars.HEIGHT);
    return pages.render("dashboard", context);
  }

  private static WebhookResponse page(int status, String html) {
    return new WebhookResponse(status, html, HTML_HEADERS);
  }
}

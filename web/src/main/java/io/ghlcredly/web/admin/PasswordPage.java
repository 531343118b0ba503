package io.ghlcredly.web.admin;

import io.ghlcredly.core.model.OperatorRole;
import io.ghlcredly.web.Endpoint;
import io.ghlcredly.web.operators.ChangePasswordResult;
import io.ghlcredly.web.operators.Passwords;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/password}: a signed-in operator changes their password. Every session of theirs
 * ends (on every browser); this browser gets a new one. Thread-safe.
 */
final class PasswordPage {
  static final String PATH = Dashboard.HOME + "/password";

  private final AdminAccess access;
  private final Passwords passwords;
  private final PageGuards guards;
  private final PageRenderer renderer;

  PasswordPage(AdminAccess access, Passwords passwords, PageGuards guards, PageRenderer renderer) {
    this.access = access;
    this.passwords = passwords;
    this.guards = guards;
    this.renderer = renderer;
  }

  List<Endpoint> endpoints() {
    return List.of(
        Endpoint.management(
            HandlerType.GET,
            PATH,
            guards.page(OperatorRole.VIEWER, (ctx, session) -> page(ctx, session, 200, ""))),
        Endpoint.management(
            HandlerType.POST, PATH, guards.page(OperatorRole.VIEWER, this::change)));
  }

  private void change(Context ctx, AdminAccess.Session session) {
    String current = Forms.field(ctx, "current");
    String password = Forms.field(ctx, "password");
    if (!password.equals(Forms.field(ctx, "confirmation"))) {
      page(ctx, session, 400, "The two new passwords are not the same.");
      return;
    }
    switch (passwords.changePassword(session.operator().id(), current, password)) {
      case ChangePasswordResult.Changed changed -> {
        access.start(ctx, changed.operator());
        PageGuards.redirect(ctx, Dashboard.HOME, "password-changed");
      }
      case ChangePasswordResult.Rejected rejected -> page(ctx, session, 400, rejected.reason());
      case ChangePasswordResult.WrongCurrentPassword wrong ->
          page(ctx, session, 400, "Your current password is not right.");
      case ChangePasswordResult.Throttled throttled ->
          page(
              ctx,
              session,
              429,
              "Too many failed attempts. Try again in "
                  + Math.max(1, (throttled.retryAfter().toSeconds() + 59) / 60)
                  + " minute(s).");
    }
  }

  private void page(Context ctx, AdminAccess.Session session, int status, String problem) {
    Map<String, Object> context = new HashMap<>();
    context.put("problem", problem);
    renderer.render(ctx, status, "password", session, context);
  }
}

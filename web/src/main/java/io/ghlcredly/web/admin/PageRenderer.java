package io.ghlcredly.web.admin;

import io.ghlcredly.core.model.OperatorRole;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Writes pages: the layout's shared values (who is signed in, what their role may do, the CSRF
 * token) and the security headers every page carries. Thread-safe.
 */
final class PageRenderer {
  private static final String POLICY =
      "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline';"
          + " img-src 'self' data:; form-action 'self';"
          + " frame-ancestors 'none'; base-uri 'none'";

  private final Pages pages;
  private final BooleanSupplier noOperatorYet;

  PageRenderer(Pages pages, BooleanSupplier noOperatorYet) {
    this.pages = pages;
    this.noOperatorYet = noOperatorYet;
  }

  void render(
      Context ctx,
      int status,
      String template,
      AdminAccess.Session session,
      Map<String, Object> values) {
    Map<String, Object> context = new HashMap<>(values);
    context.put("me", session.operator().email());
    context.put("role", session.operator().role().word());
    context.put("canEdit", session.operator().role().includes(OperatorRole.EDITOR));
    context.put("isAdmin", session.operator().role().includes(OperatorRole.ADMIN));
    context.put("csrf", session.csrfToken());
    context.putIfAbsent("notice", "");
    write(ctx, status, pages.render(template, context));
  }

  void signInPage(Context ctx, int status, @Nullable String problem, String email) {
    Map<String, Object> context = new HashMap<>();
    context.put("problem", problem == null ? "" : problem);
    context.put("email", email);
    context.put("noOperators", noOperatorYet.getAsBoolean());
    write(ctx, status, pages.render("login", context));
  }

  void anonymous(Context ctx, int status, String template, Map<String, Object> context) {
    write(ctx, status, pages.render(template, context));
  }

  private static void write(Context ctx, int status, String html) {
    ctx.status(status);
    ctx.header("Cache-Control", "no-store");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Content-Security-Policy", POLICY);
    ctx.contentType("text/html; charset=utf-8");
    ctx.result(html);
  }
}

package io.ghlcredly.web.admin;

import io.ghlcredly.core.model.OperatorRole;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The checks every page makes: a signed-in session (else the sign-in page), a role that allows the
 * page (else a page saying who can do it), and for a form post the session's CSRF token.
 */
final class PageGuards {
  private final AdminAccess access;
  private final PageRenderer renderer;

  PageGuards(AdminAccess access, PageRenderer renderer) {
    this.access = access;
    this.renderer = renderer;
  }

  Handler page(OperatorRole role, PageHandler page) {
    return ctx -> {
      Optional<AdminAccess.Session> session = access.session(ctx);
      if (session.isEmpty()) {
        renderer.signInPage(ctx, 401, null, "");
        return;
      }
      if (!session.get().operator().role().includes(role)) {
        Map<String, Object> context = new HashMap<>();
        context.put("needed", role.word());
        renderer.render(ctx, 403, "forbidden", session.get(), context);
        return;
      }
      if (!ctx.method().equals(HandlerType.GET)
          && !AdminAccess.csrfMatches(session.get(), ctx.formParam("csrf"))) {
        Map<String, Object> context = new HashMap<>();
        context.put("needed", "");
        context.put("stale", true);
        renderer.render(ctx, 403, "forbidden", session.get(), context);
        return;
      }
      page.handle(ctx, session.get());
    };
  }

  /** A page saying there is nothing here, for what is out of the operator's scope too. */
  void notFound(Context ctx, AdminAccess.Session session) {
    renderer.render(ctx, 404, "notfound", session, new HashMap<>());
  }

  /** Sends the browser back to a page with a notice, after a form post. */
  static void redirect(Context ctx, String path, String notice) {
    String separator = path.contains("?") ? "&" : "?";
    ctx.redirect(
        path + (notice.isEmpty() ? "" : separator + "notice=" + notice),
        io.javalin.http.HttpStatus.SEE_OTHER);
  }
}

package io.ghlcredly.web.admin;

import io.ghlcredly.core.model.OperatorRole;
import io.ghlcredly.web.Actor;
import io.ghlcredly.web.Answers;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Optional;

/**
 * Wraps admin API handlers with the checks every one of them needs: who is asking (admin token or
 * signed-in session), whether their role allows it, and for a browser's POST the session's CSRF
 * token in the {@code X-CSRF-Token} header. The rendered pages hide what a role may not do; these
 * checks are what enforces it.
 */
final class Guards {
  static final String CSRF_HEADER = "X-CSRF-Token";

  private final AdminAccess access;

  Guards(AdminAccess access) {
    this.access = access;
  }

  Handler api(OperatorRole role, Handler handler) {
    return ctx -> {
      Optional<Actor> actor = actor(ctx);
      if (actor.isEmpty()) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"ghl-credly admin\"");
        Answers.error(ctx, 401, "sign in, or send the admin token as a bearer token");
        return;
      }
      if (!actor.get().role().includes(role)) {
        Answers.error(ctx, 403, "this needs the " + role.word() + " role; ask an admin");
        return;
      }
      actor.get().attachTo(ctx);
      handler.handle(ctx);
    };
  }

  private Optional<Actor> actor(Context ctx) {
    if (AdminAccess.triedBearer(ctx)) {
      return access.bearer(ctx);
    }
    Optional<AdminAccess.Session> session = access.session(ctx);
    if (session.isEmpty()) {
      return Optional.empty();
    }
    boolean changes = !ctx.method().equals(HandlerType.GET);
    if (changes && !AdminAccess.csrfMatches(session.get(), ctx.header(CSRF_HEADER))) {
      return Optional.empty();
    }
    return Optional.of(session.get().actor());
  }
}

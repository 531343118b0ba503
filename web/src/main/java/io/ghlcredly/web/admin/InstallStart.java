package io.ghlcredly.web.admin;

import io.ghlcredly.core.model.OperatorRole;
import io.ghlcredly.web.Endpoint;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.net.URI;
import java.util.function.Function;

/**
 * {@code GET /oauth/ghl/start}: only a signed-in admin starts a HighLevel app install. The browser
 * gets a random binding in a short-lived cookie and the install's state is stored bound to it, so
 * the callback completes only in the browser that started it (the callback checks it). SameSite
 * Lax, because HighLevel sends the browser back with a cross-site redirect. Thread-safe.
 */
public final class InstallStart {
  public static final String PATH = "/oauth/ghl/start";

  /** The cookie holding the binding; the callback reads it. */
  public static final String BINDING_COOKIE = "gcs_install";

  private static final int BINDING_SECONDS = 15 * 60;

  private final PageGuards guards;
  private final AdminAccess access;
  private final AdminData data;
  private final Function<String, URI> start;
  private final boolean secureCookie;

  InstallStart(
      PageGuards guards,
      AdminAccess access,
      AdminData data,
      Function<String, URI> start,
      boolean secureCookie) {
    this.guards = guards;
    this.access = access;
    this.data = data;
    this.start = start;
    this.secureCookie = secureCookie;
  }

  Endpoint endpoint() {
    return new Endpoint(
        HandlerType.GET,
        PATH,
        guards.page(OperatorRole.ADMIN, this::start),
        Endpoint.Exposure.BOTH);
  }

  private void start(Context ctx, AdminAccess.Session session) {
    String binding = access.randomId();
    URI consent = start.apply(binding);
    ctx.cookie(
        new Cookie(
            BINDING_COOKIE,
            binding,
            "/oauth/ghl",
            BINDING_SECONDS,
            secureCookie,
            true,
            null,
            SameSite.LAX));
    data.record(session.actor(), "started a HighLevel install", "oauth");
    ctx.header("Cache-Control", "no-store");
    ctx.redirect(consent.toString(), HttpStatus.FOUND);
  }
}

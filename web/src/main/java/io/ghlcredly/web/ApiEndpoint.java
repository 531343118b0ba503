package io.ghlcredly.web;

import io.ghlcredly.core.model.OperatorRole;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One endpoint of the admin API ({@code /admin/api/...}) contributed from outside the web module.
 * The server wraps the handler: it runs only for the admin token (as an admin) or for a signed-in
 * operator whose role includes {@code role}, with the CSRF check for a browser's POST; {@link
 * Actor#of} then names who is calling.
 *
 * @param path in Javalin's syntax, e.g. {@code /admin/api/dead-letters/{id}}
 */
public record ApiEndpoint(HandlerType method, String path, OperatorRole role, Handler handler) {
  public ApiEndpoint {
    if (!path.startsWith("/admin/api/")) {
      throw new IllegalArgumentException("admin API paths start with /admin/api/: " + path);
    }
  }
}

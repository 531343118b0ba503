package io.ghlcredly.web;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * A route the server answers, and on which port: public ones (webhooks, OAuth, health) on the main
 * port, management ones (admin API, pages, metrics) on the management port when one is set.
 *
 * @param path in Javalin's syntax, e.g. {@code /admin/api/dead-letters/{id}/replay}
 */
public record Endpoint(HandlerType method, String path, Handler handler, Exposure exposure) {
  /** Where an endpoint answers. */
  public enum Exposure {
    /** The main port only (what GHL, Credly and browsers in an install flow reach). */
    PUBLIC,
    /** The management port when one is set, else the main port. */
    MANAGEMENT,
    /** Both ports (health probes). */
    BOTH
  }

  public static Endpoint publicRoute(HandlerType method, String path, Handler handler) {
    return new Endpoint(method, path, handler, Exposure.PUBLIC);
  }

  public static Endpoint management(HandlerType method, String path, Handler handler) {
    return new Endpoint(method, path, handler, Exposure.MANAGEMENT);
  }
}

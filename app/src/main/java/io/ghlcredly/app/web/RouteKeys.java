package io.ghlcredly.app.web;

import io.ghlcredly.web.Endpoint;
import io.ghlcredly.web.NeutralRoutes;
import io.ghlcredly.web.Route;
import io.javalin.http.HandlerType;
import java.util.Locale;

/** Turns a neutral route keyed {@code "GET /path"} into an endpoint of the web server. */
public final class RouteKeys {
  private RouteKeys() {}

  /** A key ending in {@code /*} takes every path under it. */
  public static Endpoint endpoint(
      String key, Route route, Endpoint.Exposure exposure, NeutralRoutes neutral) {
    int space = key.indexOf(' ');
    HandlerType method = HandlerType.findOrCreate(key.substring(0, space).toUpperCase(Locale.ROOT));
    String path = key.substring(space + 1);
    return new Endpoint(
        method,
        path,
        method.equals(HandlerType.GET) ? NeutralRoutes.withoutBody(route) : neutral.withBody(route),
        exposure);
  }
}

package io.ghlcredly.app.web;

import io.ghlcredly.web.Endpoint;
import io.ghlcredly.web.NeutralRoutes;
import io.ghlcredly.web.Route;
import io.ghlcredly.web.WebServer;
import io.ghlcredly.web.WebSettings;
import java.util.Map;

/** Starts the real web server on loopback with a few neutral routes, for route tests. */
public final class TestWebServers {
  private TestWebServers() {}

  /** Routes keyed {@code "POST /webhooks/credly"}, on a free port. */
  public static WebServer start(Map<String, Route> routes, long maxBodyBytes) {
    WebSettings settings = WebSettings.of("127.0.0.1", 0, null, maxBodyBytes);
    NeutralRoutes neutral = new NeutralRoutes(settings);
    return WebServer.start(
        settings,
        routes.entrySet().stream()
            .map(
                entry ->
                    RouteKeys.endpoint(
                        entry.getKey(), entry.getValue(), Endpoint.Exposure.PUBLIC, neutral))
            .toList());
  }
}

package io.ghlcredly.app.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's HTTP server (JDK built-in, one virtual thread per request). Maps exact {@code
 * METHOD path} pairs to {@link Route}s (a key ending in {@code /*} takes every path under it, the
 * longest such prefix winning, when no exact key matches), reads bodies up to a limit so an
 * oversized request cannot exhaust memory, and turns a route's crash into a 500 without details.
 * Thread-safe.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebServer.class);

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, Route> routes;
  private final List<Map.Entry<String, Route>> prefixRoutes;
  private final long maxBodyBytes;

  /** Bodies declared up to this many times the limit are drained before the 413. */
  private static final long DRAINED_BODY_LIMIT_FACTOR = 4;

  private WebServer(HttpServer server, Map<String, Route> routes, long maxBodyBytes) {
    this.server = server;
    this.routes = Map.copyOf(routes);
    this.prefixRoutes =
        routes.entrySet().stream()
            .filter(entry -> entry.getKey().endsWith("/*"))
            .map(
                entry ->
                    Map.entry(
                        entry.getKey().substring(0, entry.getKey().length() - 1), entry.getValue()))
            .sorted(
                Comparator.comparingInt((Map.Entry<String, Route> entry) -> entry.getKey().length())
                    .reversed())
            .toList();
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * Starts listening.
   *
   * @param routes keyed by {@code "POST /webhooks/ghl"}
   * @param port 0 picks a free port
   */
  public static WebServer start(
      String host, int port, Map<String, Route> routes, long maxBodyBytes) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 0);
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on " + host + ":" + port, e);
    }
    WebServer web = new WebServer(server, routes, maxBodyBytes);
    server.setExecutor(web.executor);
    server.createContext("/", web::handle);
    server.start();
    log.atInfo().addKeyValue("port", web.port()).log("http server listening");
    return web;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      String path = exchange.getRequestURI().getPath();
      Route route = route(method + " " + path);
      WebhookResponse response;
      if (route == null) {
        response = WebhookResponse.error(404, "no route for " + method + " " + path);
      } else {
        String query = exchange.getRequestURI().getRawQuery();
        response =
            dispatch(
                route,
                new WebhookRequest(
                    method, path, headers(exchange), body(exchange), query == null ? "" : query));
      }
      send(exchange, response);
    }
  }

  private @Nullable Route route(String key) {
    Route exact = routes.get(key);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, Route> prefix : prefixRoutes) {
      if (key.startsWith(prefix.getKey())) {
        return prefix.getValue();
      }
    }
    return null;
  }

  private static WebhookResponse dispatch(Route route, WebhookRequest request) {
    try {
      return route.handle(request);
    } catch (RuntimeException e) {
      log.atError().addKeyValue("path", request.path()).setCause(e).log("request failed");
      return WebhookResponse.error(500, "internal error");
    }
  }

  private static Map<String, String> headers(HttpExchange exchange) {
    Map<String, String> headers = new HashMap<>();
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
              }
            });
    return headers;
  }

  private WebhookRequest.Body body(HttpExchange exchange) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    long length = declared == null ? -1 : parseLength(declared);
    if (length > maxBodyBytes) {
      // Read and dropped, up to a bound: a connection closed with unread bytes is reset, and the
      // reset can destroy the 413 on its way, so the sender sees no answer at all.
      if (length <= DRAINED_BODY_LIMIT_FACTOR * maxBodyBytes) {
        try (InputStream in = exchange.getRequestBody()) {
          in.transferTo(OutputStream.nullOutputStream());
        }
      }
      return new WebhookRequest.Body.TooLarge(maxBodyBytes);
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
      if (bytes.length > maxBodyBytes) {
        return new WebhookRequest.Body.TooLarge(maxBodyBytes);
      }
      return new WebhookRequest.Body.Complete(new WebhookRequest.RawBytes(bytes));
    }
  }

  private static long parseLength(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void send(HttpExchange exchange, WebhookResponse response) throws IOException {
    byte[] bytes = response.jsonBody().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** Stops accepting requests, letting those in flight finish for up to a second. */
  @Override
  public void close() {
    server.stop(1);
    executor.shutdown();
  }
}

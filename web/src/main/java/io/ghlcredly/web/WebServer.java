package io.ghlcredly.web;

import io.ghlcredly.web.internal.HeaderDeadline;
import io.ghlcredly.web.internal.InFlightLimit;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's HTTP server: Javalin on Jetty 12, a virtual thread per request. Holds out against
 * abuse by its {@link WebSettings}: a connection limit, an idle timeout, a deadline for request
 * heads, a minimum body data rate, a cap on requests in flight answered with 429, and a budget for
 * webhook bodies held in memory. Unknown paths get a plain 404 that does not echo the path; a
 * handler's crash is a 500 without details (logged); malformed input (an undecodable form or query)
 * is a 400. Thread-safe.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebServer.class);
  private static final String MANAGEMENT = "management";

  private final Javalin javalin;
  private final HeaderDeadline deadline;
  private final int port;
  private final @Nullable Integer managementPort;

  private WebServer(
      Javalin javalin, HeaderDeadline deadline, int port, @Nullable Integer managementPort) {
    this.javalin = javalin;
    this.deadline = deadline;
    this.port = port;
    this.managementPort = managementPort;
  }

  /**
   * Starts listening on the main port and, when set, the management port.
   *
   * @throws IllegalStateException naming the address when a port cannot be bound (the cause says
   *     why, e.g. address already in use)
   */
  public static WebServer start(WebSettings settings, List<Endpoint> endpoints) {
    HeaderDeadline deadline = new HeaderDeadline(settings.headerTimeout());
    AtomicReference<@Nullable ServerConnector> managementConnector = new AtomicReference<>();
    Javalin javalin =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.startupWatcherEnabled = false;
              config.concurrency.useVirtualThreads = true;
              config.http.maxRequestSize = 64L * 1024;
              // htmx for the pages' partial updates, from its webjar: no Node build step.
              config.staticFiles.enableWebjars();
              config.jetty.modifyHttpConfiguration(
                  http -> {
                    http.setSendServerVersion(false);
                    http.setSendXPoweredBy(false);
                    http.setRequestHeaderSize(16 * 1024);
                    http.setIdleTimeout(settings.idleTimeout().toMillis());
                  });
              config.jetty.modifyServer(
                  server -> {
                    InFlightLimit limit =
                        new InFlightLimit(settings.maxConcurrentRequests(), deadline);
                    // A body sent slower than the minimum rate is cut off (0: no floor on answers).
                    limit.setHandler(
                        new MinimumDataRateHandler(
                            server.getHandler(), settings.minBodyBytesPerSecond(), 0));
                    server.setHandler(limit);
                  });
              config.jetty.addConnector(
                  (server, http) ->
                      connector(server, http, settings, deadline, settings.port(), "main"));
              Integer management = settings.managementPort();
              if (management != null) {
                config.jetty.addConnector(
                    (server, http) -> {
                      ServerConnector connector =
                          connector(server, http, settings, deadline, management, MANAGEMENT);
                      managementConnector.set(connector);
                      return connector;
                    });
              }
              config.jetty.modifyServer(
                  server ->
                      server.addBean(
                          new NetworkConnectionLimit(settings.maxConnections(), server)));
              for (Endpoint endpoint : endpoints) {
                config.routes.addHttpHandler(
                    endpoint.method(),
                    endpoint.path(),
                    onItsPort(endpoint, managementConnector, settings.managementPort() != null));
              }
              config.routes.error(HttpStatus.NOT_FOUND, WebServer::notFound);
              config.routes.exception(
                  MalformedInput.class,
                  (e, ctx) ->
                      Answers.error(
                          ctx, 400, Objects.requireNonNullElse(e.getMessage(), "malformed input")));
              config.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    log.atError().addKeyValue("path", ctx.path()).setCause(e).log("request failed");
                    Answers.error(ctx, 500, "internal error");
                  });
            });
    try {
      javalin.start();
    } catch (RuntimeException e) {
      deadline.close();
      throw new IllegalStateException(
          "cannot listen on " + settings.host() + ":" + settings.port() + causeText(e), e);
    }
    Server server = javalin.jettyServer().server();
    int port = localPort(server, "main");
    ServerConnector management = managementConnector.get();
    WebServer web =
        new WebServer(
            javalin, deadline, port, management == null ? null : management.getLocalPort());
    log.atInfo()
        .addKeyValue("host", settings.host())
        .addKeyValue("port", port)
        .addKeyValue("managementPort", web.managementPort)
        .log("http server listening");
    return web;
  }

  private static ServerConnector connector(
      Server server,
      HttpConfiguration http,
      WebSettings settings,
      HeaderDeadline deadline,
      int port,
      String name) {
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setName(name);
    connector.setHost(settings.host());
    connector.setPort(port);
    connector.setIdleTimeout(settings.idleTimeout().toMillis());
    connector.setAcceptQueueSize(1_024);
    connector.addBean(deadline);
    return connector;
  }

  /** Management endpoints answer 404 on the main port when a management port is set. */
  private static Handler onItsPort(
      Endpoint endpoint, AtomicReference<@Nullable ServerConnector> management, boolean separate) {
    if (!separate || endpoint.exposure() == Endpoint.Exposure.BOTH) {
      return endpoint.handler();
    }
    boolean wantsManagement = endpoint.exposure() == Endpoint.Exposure.MANAGEMENT;
    return ctx -> {
      ServerConnector connector = management.get();
      boolean onManagement =
          connector != null && ctx.req().getLocalPort() == connector.getLocalPort();
      if (onManagement != wantsManagement) {
        notFound(ctx);
        return;
      }
      endpoint.handler().handle(ctx);
    };
  }

  private static void notFound(Context ctx) {
    Answers.error(ctx, 404, "no such endpoint");
  }

  private static int localPort(Server server, String name) {
    for (var connector : server.getConnectors()) {
      if (connector instanceof ServerConnector network && name.equals(network.getName())) {
        return network.getLocalPort();
      }
    }
    throw new IllegalStateException("no " + name + " connector");
  }

  /** The innermost cause's message (say, "Address already in use"), after a colon. */
  private static String causeText(Throwable e) {
    Throwable innermost = e;
    for (int depth = 0; depth < 10 && innermost.getCause() != null; depth++) {
      innermost = Objects.requireNonNull(innermost.getCause());
    }
    String message = innermost.getMessage();
    return ": " + (message == null ? innermost.getClass().getSimpleName() : message);
  }

  public int port() {
    return port;
  }

  /** The management port when one is set, else the main port. */
  public int managementPort() {
    return managementPort == null ? port : managementPort;
  }

  /** Stops accepting requests, letting those in flight finish. */
  @Override
  public void close() {
    javalin.stop();
    deadline.close();
  }
}

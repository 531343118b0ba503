package io.ghlcredly.testkit.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ghlcredly.testkit.net.TcpProxy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A real HTTP server on loopback for an emulated API. Routes are {@code METHOD /path/{param}}
 * patterns; every request is logged; injected {@link Fault}s apply before the routes (or to their
 * answers) and are counted by kind. Handlers run on virtual threads, so emulator state must be
 * thread-safe. Unknown routes answer 404.
 *
 * <p>A server made {@linkplain #EmulatorServer(int, String, boolean) with connection faults}
 * listens through a {@link TcpProxy}, which is what lets a {@link Fault#reset} send a real TCP
 * reset; it costs one more loopback hop per request, so it is off unless asked for.
 */
public final class EmulatorServer implements AutoCloseable {
  private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z]+)}");

  private final HttpServer server;
  private final @Nullable TcpProxy front;
  private final Random dice = new Random();
  private final Map<String, AtomicLong> injected = new ConcurrentHashMap<>();
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final List<Route> routes = new CopyOnWriteArrayList<>();
  private final List<Fault> faults = new ArrayList<>();
  private final List<EmulatorRequest> requests = new CopyOnWriteArrayList<>();
  private final String basePath;
  private volatile Duration latency = Duration.ZERO;
  private volatile RequestTracker tracker = RequestTracker.NONE;

  /**
   * @param basePath prefix of every route, such as {@code /v1}, or empty
   */
  public EmulatorServer(int port, String basePath) {
    this(port, basePath, false);
  }

  /**
   * @param basePath prefix of every route, such as {@code /v1}, or empty
   * @param connectionFaults listen through a proxy so that {@link Fault#reset} works
   */
  public EmulatorServer(int port, String basePath, boolean connectionFaults) {
    this.basePath = basePath;
    int serverPort = connectionFaults ? 0 : port;
    try {
      server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort), 0);
    } catch (IOException e) {
      throw new IllegalStateException("cannot bind emulator port " + port, e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    this.front =
        connectionFaults
            ? TcpProxy.start(
                new InetSocketAddress(
                    InetAddress.getLoopbackAddress(), server.getAddress().getPort()),
                port)
            : null;
  }

  public EmulatorServer start() {
    server.start();
    return this;
  }

  /** Base URL including the base path, without a trailing slash. */
  public URI baseUrl() {
    TcpProxy proxy = front;
    int port = proxy != null ? proxy.port() : server.getAddress().getPort();
    return URI.create("http://127.0.0.1:" + port + basePath);
  }

  /** Registers a handler for {@code method} and a path pattern relative to the base path. */
  public void route(
      String method, String pathPattern, Function<EmulatorRequest, EmulatorResponse> handler) {
    List<String> names = new ArrayList<>();
    Matcher matcher = PARAM.matcher(pathPattern);
    StringBuilder regex = new StringBuilder();
    int last = 0;
    while (matcher.find()) {
      regex.append(Pattern.quote(pathPattern.substring(last, matcher.start())));
      regex.append("([^/]+)");
      names.add(matcher.group(1));
      last = matcher.end();
    }
    regex.append(Pattern.quote(pathPattern.substring(last)));
    routes.add(new Route(method, Pattern.compile(regex.toString()), names, handler));
  }

  /** Tells {@code tracker} of every later request (replacing the previous tracker). */
  public void track(RequestTracker tracker) {
    this.tracker = tracker;
  }

  /**
   * Injects a fault for the next matching requests.
   *
   * @throws IllegalStateException for a {@link Fault#reset} on a server without connection faults
   */
  public void inject(Fault fault) {
    if (fault.kind() == Fault.Kind.RESET && front == null) {
      throw new IllegalStateException(
          "connection resets need an emulator started with connection faults");
    }
    synchronized (faults) {
      faults.add(fault);
    }
  }

  public void clearFaults() {
    synchronized (faults) {
      faults.clear();
    }
  }

  /**
   * Makes every later answer wait {@code latency} first, as a distant API would (benchmarks run at
   * zero and at a realistic latency). Faults' own delays add to it.
   */
  public void latency(Duration latency) {
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + latency);
    }
    this.latency = latency;
  }

  /** How many requests each kind of fault was applied to so far, by {@link Fault#label()}. */
  public Map<String, Long> faultsInjected() {
    Map<String, Long> counts = new TreeMap<>();
    injected.forEach((label, count) -> counts.put(label, count.get()));
    return counts;
  }

  /** Every request received so far, in arrival order. */
  public List<EmulatorRequest> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String fullPath = exchange.getRequestURI().getRawPath();
      String path =
          fullPath.startsWith(basePath) ? fullPath.substring(basePath.length()) : fullPath;
      String method = exchange.getRequestMethod();
      Instant receivedAt = Instant.now();
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Map<String, String> headers = new HashMap<>();
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> {
                if (!values.isEmpty()) {
                  headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
                }
              });
      String query = exchange.getRequestURI().getRawQuery();
      Runnable finished = tracker.started(method, path);
      Fault fault;
      EmulatorResponse response;
      try {
        fault = takeFault(method, path);
        response =
            dispatch(method, path, query == null ? "" : query, headers, body, fault, receivedAt);
        sleep(latency);
      } finally {
        // Before the answer leaves: the client must never see a request still counted after it
        // has its answer, or a gauge of calls in flight would read one too many.
        finished.run();
      }
      if (fault != null && fault.kind() == Fault.Kind.RESET) {
        resetConnection(exchange);
        return;
      }
      send(exchange, fault == null ? response : fault.mangle(response));
    }
  }

  /** Resets the client's connection (through the front proxy) without answering. */
  private void resetConnection(HttpExchange exchange) {
    TcpProxy proxy = front;
    if (proxy == null || !proxy.reset(exchange.getRemoteAddress())) {
      throw new IllegalStateException("no proxied connection to reset");
    }
  }

  private EmulatorResponse dispatch(
      String method,
      String path,
      String query,
      Map<String, String> headers,
      String body,
      @Nullable Fault fault,
      Instant receivedAt) {
    for (Route route : routes) {
      if (!route.method().equalsIgnoreCase(method)) {
        continue;
      }
      Matcher matcher = route.pattern().matcher(path);
      if (!matcher.matches()) {
        continue;
      }
      Map<String, String> params = new HashMap<>();
      for (int i = 0; i < route.names().size(); i++) {
        params.put(route.names().get(i), matcher.group(i + 1));
      }
      EmulatorRequest request =
          new EmulatorRequest(method, path, query, headers, params, body, receivedAt);
      requests.add(request);
      if (fault != null) {
        pause(fault);
        if (fault.response().isPresent()) {
          return fault.response().get();
        }
      }
      return route.handler().apply(request);
    }
    requests.add(new EmulatorRequest(method, path, query, headers, Map.of(), body, receivedAt));
    return EmulatorResponse.json(404, "{\"message\":\"Cannot " + method + " " + path + "\"}");
  }

  private @Nullable Fault takeFault(String method, String path) {
    synchronized (faults) {
      ListIterator<Fault> iterator = faults.listIterator();
      while (iterator.hasNext()) {
        Fault fault = iterator.next();
        if (!fault.matches(method, path)
            || (fault.probability() < 1 && dice.nextDouble() >= fault.probability())) {
          continue;
        }
        if (fault.times() > 1) {
          iterator.set(fault.lessOnce());
        } else {
          iterator.remove();
        }
        injected.computeIfAbsent(fault.label(), label -> new AtomicLong()).incrementAndGet();
        return fault;
      }
      return null;
    }
  }

  private static void pause(Fault fault) {
    sleep(fault.delay());
  }

  private static void sleep(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(HttpExchange exchange, EmulatorResponse response) throws IOException {
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    if (bytes.length > 0) {
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    }
    response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    if (front != null) {
      front.close();
    }
    server.stop(0);
    executor.shutdownNow();
  }

  private record Route(
      String method,
      Pattern pattern,
      List<String> names,
      Function<EmulatorRequest, EmulatorResponse> handler) {}
}

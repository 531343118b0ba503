package io.ghlcredly.testkit.server;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure to inject into matching requests.
 *
 * <ul>
 *   <li>{@link Kind#ANSWER}: answer {@code response} instead of the real one (when present), after
 *       waiting {@code delay}. A delay with no response makes a slow but otherwise normal answer; a
 *       delay longer than the client's timeout makes a timeout (the real handler still runs, as a
 *       server that finished the work but answered too late would).
 *   <li>{@link Kind#RESET}, {@link Kind#TRUNCATED_JSON}, {@link Kind#INVALID_JSON}: the real
 *       handler runs (the work is done upstream), then the answer is lost: the connection is reset,
 *       or the body arrives cut in half, or a 200 arrives whose body is not JSON. The caller cannot
 *       know whether its request took effect.
 * </ul>
 *
 * <p>A fault with a {@code probability} below 1 applies to that share of the matching requests,
 * chosen at random; the others pass untouched and do not count against {@code times}.
 *
 * @param method HTTP method to match, or {@code *}
 * @param pathPrefix the request path must start with this (empty: every path)
 * @param times how many matching requests it applies to ({@link #ALWAYS}: until cleared)
 */
public record Fault(
    String method,
    String pathPrefix,
    int times,
    Duration delay,
    Optional<EmulatorResponse> response,
    Kind kind,
    double probability) {

  /** {@code times} for a fault that stays until the faults are cleared. */
  public static final int ALWAYS = Integer.MAX_VALUE;

  /** What the fault does to a matching request. */
  public enum Kind {
    ANSWER,
    RESET,
    TRUNCATED_JSON,
    INVALID_JSON
  }

  public Fault {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1: " + times);
    }
    if (!(probability > 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be in (0, 1]: " + probability);
    }
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
  }

  public static Fault status(
      String method, String pathPrefix, int times, EmulatorResponse response) {
    return new Fault(
        method, pathPrefix, times, Duration.ZERO, Optional.of(response), Kind.ANSWER, 1);
  }

  public static Fault slow(String method, String pathPrefix, int times, Duration delay) {
    return new Fault(method, pathPrefix, times, delay, Optional.empty(), Kind.ANSWER, 1);
  }

  /** A 429 with {@code Retry-After} (whole seconds, rounded up), as a provider shedding load. */
  public static Fault rateLimited(
      String method, String pathPrefix, int times, Duration retryAfter) {
    long seconds = (retryAfter.toMillis() + 999) / 1000;
    return status(
        method,
        pathPrefix,
        times,
        EmulatorResponse.json(429, "{\"message\":\"Too Many Requests\"}")
            .withHeader("Retry-After", Long.toString(seconds)));
  }

  /** The request is handled, then the connection is reset before any answer (a TCP RST). */
  public static Fault reset(String method, String pathPrefix, int times) {
    return new Fault(method, pathPrefix, times, Duration.ZERO, Optional.empty(), Kind.RESET, 1);
  }

  /** The request is handled, then the answer arrives with the first half of its body only. */
  public static Fault truncatedJson(String method, String pathPrefix, int times) {
    return new Fault(
        method, pathPrefix, times, Duration.ZERO, Optional.empty(), Kind.TRUNCATED_JSON, 1);
  }

  /** The request is handled, then a 200 arrives whose body is not JSON (a proxy's error page). */
  public static Fault invalidJson(String method, String pathPrefix, int times) {
    return new Fault(
        method, pathPrefix, times, Duration.ZERO, Optional.empty(), Kind.INVALID_JSON, 1);
  }

  /** The same fault for a random {@code share} (in (0, 1]) of the matching requests. */
  public Fault withProbability(double share) {
    return new Fault(method, pathPrefix, times, delay, response, kind, share);
  }

  /** What it injects, for counting by kind: {@code HTTP 503}, {@code slow}, {@code reset}, … */
  public String label() {
    return switch (kind) {
      case ANSWER -> response.map(answer -> "HTTP " + answer.status()).orElse("slow");
      case RESET -> "reset";
      case TRUNCATED_JSON -> "truncated JSON";
      case INVALID_JSON -> "invalid JSON";
    };
  }

  boolean matches(String requestMethod, String path) {
    return ("*".equals(method) || method.equalsIgnoreCase(requestMethod))
        && path.startsWith(pathPrefix);
  }

  Fault lessOnce() {
    return times == ALWAYS
        ? this
        : new Fault(method, pathPrefix, times - 1, delay, response, kind, probability);
  }

  /** The answer after the real handler ran, mangled as this fault says (RESET not included). */
  EmulatorResponse mangle(EmulatorResponse real) {
    return switch (kind) {
      case ANSWER, RESET -> real;
      case TRUNCATED_JSON ->
          new EmulatorResponse(
              real.status(), real.headers(), real.body().substring(0, real.body().length() / 2));
      case INVALID_JSON ->
          new EmulatorResponse(200, real.headers(), "<html><body>502 Bad Gateway</body></html>");
    };
  }
}

package io.ghlcredly.testkit.server;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure to inject: answer {@code response} instead of the real one (when present), after
 * waiting {@code delay}. A delay with no response makes a slow but otherwise normal answer; a delay
 * longer than the client's timeout makes a timeout (the real handler still runs, as a server that
 * finished the work but answered too late would).
 *
 * @param method HTTP method to match, or {@code *}
 * @param pathPrefix the request path must start with this
 * @param times how many matching requests it applies to
 */
public record Fault(
    String method,
    String pathPrefix,
    int times,
    Duration delay,
    Optional<EmulatorResponse> response) {

  public static Fault status(
      String method, String pathPrefix, int times, EmulatorResponse response) {
    return new Fault(method, pathPrefix, times, Duration.ZERO, Optional.of(response));
  }

  public static Fault slow(String method, String pathPrefix, int times, Duration delay) {
    return new Fault(method, pathPrefix, times, delay, Optional.empty());
  }

  boolean matches(String requestMethod, String path) {
    return ("*".equals(method) || method.equalsIgnoreCase(requestMethod))
        && path.startsWith(pathPrefix);
  }
}

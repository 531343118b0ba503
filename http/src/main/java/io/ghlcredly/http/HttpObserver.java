package io.ghlcredly.http;

import java.time.Duration;

/**
 * Told by {@link HttpTransport} about every exchange it attempted, for metrics. Implementations
 * must be thread-safe, fast and must not throw.
 */
@FunctionalInterface
public interface HttpObserver {
  /** An observer that ignores everything. */
  HttpObserver NONE = (connector, method, path, status, elapsed) -> {};

  /**
   * One exchange.
   *
   * @param path the request path without its query (it may still hold ids)
   * @param status the HTTP status, or 0 when no response arrived (timeout, I/O failure)
   * @param elapsed from send to response or failure
   */
  void exchanged(String connector, String method, String path, int status, Duration elapsed);
}

package io.ghlcredly.testkit.server;

/**
 * Told when the server starts handling a request, and (through the returned action) when that
 * request stops counting: just before its answer is written, so that a client never holds an answer
 * while its request still counts. Lets an emulator measure how many calls were in flight at once,
 * latency and fault delays included.
 *
 * <p>Implementations run on the server's handler threads, concurrently: they must be thread-safe
 * and must not block.
 */
@FunctionalInterface
public interface RequestTracker {
  /** Ignores every request. */
  RequestTracker NONE = (method, path) -> () -> {};

  /**
   * Records the start of a request.
   *
   * @param path relative to the server's base path
   * @return run once when the request stops counting
   */
  Runnable started(String method, String path);
}

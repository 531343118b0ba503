package io.ghlcredly.web;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How the server listens and what it holds out against.
 *
 * @param host bind address ({@code 0.0.0.0} for every interface)
 * @param port 0 picks a free port
 * @param managementPort when set, the admin API, the pages and {@code /metrics} answer only there
 * @param maxWebhookBytes larger webhook bodies are refused with 413
 * @param bodyBudgetBytes webhook body bytes held in memory at once, over every request; past it a
 *     webhook is answered 429 so stalled uploads cannot fill the heap
 * @param maxConnections open connections beyond this are not accepted until others close
 * @param maxConcurrentRequests requests handled at once; beyond it the answer is 429 with {@code
 *     Retry-After}, at once, never silence
 * @param idleTimeout a connection with no bytes moving for this long is closed
 * @param headerTimeout a connection that has not sent a complete request head this long after it
 *     opened (or after its previous answer) is closed: trickled headers cannot hold it
 * @param minBodyBytesPerSecond a body sent slower than this is cut off
 */
public record WebSettings(
    String host,
    int port,
    @Nullable Integer managementPort,
    long maxWebhookBytes,
    long bodyBudgetBytes,
    int maxConnections,
    int maxConcurrentRequests,
    Duration idleTimeout,
    Duration headerTimeout,
    long minBodyBytesPerSecond) {
  public static final long DEFAULT_BODY_BUDGET_BYTES = 32L * 1024 * 1024;
  public static final int DEFAULT_MAX_CONNECTIONS = 2_000;
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 256;
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
  public static final long DEFAULT_MIN_BODY_BYTES_PER_SECOND = 1_024;

  public WebSettings {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535");
    }
    if (maxWebhookBytes < 1 || bodyBudgetBytes < maxWebhookBytes) {
      throw new IllegalArgumentException("the body budget must hold at least one largest webhook");
    }
    if (maxConnections < 1 || maxConcurrentRequests < 1) {
      throw new IllegalArgumentException("connection and request limits must be positive");
    }
  }

  /** The defaults for everything but where to listen and the webhook size limit. */
  public static WebSettings of(
      String host, int port, @Nullable Integer managementPort, long maxWebhookBytes) {
    return new WebSettings(
        host,
        port,
        managementPort,
        maxWebhookBytes,
        Math.max(DEFAULT_BODY_BUDGET_BYTES, maxWebhookBytes),
        DEFAULT_MAX_CONNECTIONS,
        DEFAULT_MAX_CONCURRENT_REQUESTS,
        DEFAULT_IDLE_TIMEOUT,
        DEFAULT_HEADER_TIMEOUT,
        DEFAULT_MIN_BODY_BYTES_PER_SECOND);
  }
}

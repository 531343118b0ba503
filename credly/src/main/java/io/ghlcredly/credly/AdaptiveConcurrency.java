package io.ghlcredly.credly;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.AIMDLimit;
import com.netflix.concurrency.limits.limiter.BlockingLimiter;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import io.ghlcredly.core.error.ApiException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Limits concurrent Credly calls with an AIMD limit (Netflix concurrency-limits): Credly publishes
 * no rate limit, so the limit halves on every 429 and grows by one after a success while the window
 * is at least half used, up to {@code maxConcurrency}. Callers wait for a slot up to the acquire
 * timeout, then fail TRANSIENT (the job retries later). Retries after a 429 are the job queue's
 * business (durable, with backoff); this only keeps the pressure down. Thread-safe.
 */
public final class AdaptiveConcurrency {
  private static final int TOO_MANY_REQUESTS = 429;

  private final SimpleLimiter<Void> limiter;
  private final Limiter<Void> blocking;
  private final Duration acquireTimeout;

  /**
   * @param maxConcurrency the starting and highest limit
   * @param slowCall a call slower than this counts like a 429 (the server is struggling)
   * @param acquireTimeout how long a caller waits for a free slot
   */
  public AdaptiveConcurrency(int maxConcurrency, Duration slowCall, Duration acquireTimeout) {
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency must be at least 1");
    }
    AIMDLimit limit =
        AIMDLimit.newBuilder()
            .initialLimit(maxConcurrency)
            .minLimit(1)
            .maxLimit(maxConcurrency)
            .backoffRatio(0.5)
            .timeout(slowCall.toNanos(), TimeUnit.NANOSECONDS)
            .build();
    this.limiter = SimpleLimiter.newBuilder().named("credly").limit(limit).build();
    this.blocking = BlockingLimiter.wrap(limiter, acquireTimeout);
    this.acquireTimeout = acquireTimeout;
  }

  /** Runs the call in a slot; a 429 it throws lowers the limit. */
  public <T> T call(String method, String path, Supplier<T> work) {
    Optional<Limiter.Listener> slot = blocking.acquire(null);
    if (slot.isEmpty()) {
      throw new ApiException(
          "credly",
          method,
          path,
          0,
          ApiException.Kind.TRANSIENT,
          "no free Credly call slot within "
              + acquireTimeout.toMillis()
              + " ms (limit "
              + limit()
              + ")",
          null,
          null);
    }
    return run(slot.get(), work);
  }

  /**
   * Runs the call in a slot if one is free now, without waiting: empty when every slot is taken,
   * for callers that would rather answer "later" than queue (a webhook sender retries).
   */
  public <T> Optional<T> tryCall(Supplier<T> work) {
    Optional<Limiter.Listener> slot = limiter.acquire(null);
    return slot.isEmpty() ? Optional.empty() : Optional.of(run(slot.get(), work));
  }

  private static <T> T run(Limiter.Listener listener, Supplier<T> work) {
    T result;
    try {
      result = work.get();
    } catch (ApiException e) {
      if (e.status() == TOO_MANY_REQUESTS) {
        listener.onDropped();
      } else {
        // Timeouts and errors say nothing reliable about the rate the server accepts.
        listener.onIgnore();
      }
      throw e;
    } catch (RuntimeException e) {
      listener.onIgnore();
      throw e;
    }
    listener.onSuccess();
    return result;
  }

  /** The current limit: for metrics and the benchmark. */
  public int limit() {
    return limiter.getLimit();
  }

  /** Calls in flight now. */
  public int inflight() {
    return limiter.getInflight();
  }
}

package io.ghlcredly.core.job;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: attempt n waits a random time in [delay/2, delay], where
 * delay = min(maxDelay, initialDelay * 2^(n-1)). Jitter spreads retries of many jobs that failed
 * together, so they do not hit the provider again in one burst.
 *
 * @param maxAttempts attempts in all, the first included; after the last one the job is
 *     dead-lettered
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay");
    }
  }

  /** Eight attempts over about half an hour. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(8, Duration.ofSeconds(5), Duration.ofMinutes(15));
  }

  /** The wait before the attempt that follows failed attempt {@code failedAttempt} (1-based). */
  public Duration delayAfter(int failedAttempt, RandomGenerator random) {
    int exponent = Math.min(Math.max(failedAttempt - 1, 0), 30);
    long cap = maxDelay.toMillis();
    long delay = Math.min(cap, initialDelay.toMillis() * (1L << exponent));
    if (delay <= 1) {
      return Duration.ofMillis(delay);
    }
    long half = delay / 2;
    return Duration.ofMillis(half + random.nextLong(delay - half + 1));
  }

  public boolean exhausted(int failedAttempts) {
    return failedAttempts >= maxAttempts;
  }
}

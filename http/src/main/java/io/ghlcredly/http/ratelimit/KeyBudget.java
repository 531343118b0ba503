package io.ghlcredly.http.ratelimit;

import io.ghlcredly.http.RatePriority;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One key's budget: a burst bucket, a nested bulk bucket and a daily bucket (shapes in {@link
 * BucketShapes}), plus a pause after a 429. Taking a token and applying the provider's headers
 * happen under one lock, so that several buckets change together; the lock is a {@link
 * ReentrantLock} because virtual threads must not pin on {@code synchronized}. Never blocks while
 * holding it. Thread-safe.
 */
final class KeyBudget {
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicInteger waiters = new AtomicInteger();
  private final TimeMeter meter;
  private final double bulkShare;
  private final Bucket burst;
  private final Bucket bulk;
  private final Bucket daily;
  private RateLimits limits;
  private long pausedUntilNanos;

  KeyBudget(RateLimits limits, double bulkShare, TimeMeter meter) {
    this.meter = meter;
    this.bulkShare = bulkShare;
    this.limits = limits;
    this.burst = bucket(BucketShapes.burst(limits));
    this.bulk = bucket(BucketShapes.bulk(limits, bulkShare));
    this.daily = bucket(BucketShapes.daily(limits, now()));
    this.pausedUntilNanos = meter.currentTimeNanos();
  }

  AtomicInteger waiters() {
    return waiters;
  }

  /**
   * Takes one call's worth of budget for {@code priority}, or takes nothing and says how long to
   * wait before trying again.
   *
   * @return 0 when taken, else nanoseconds until the budget may allow it
   */
  long tryTake(RatePriority priority) {
    lock.lock();
    try {
      long wait = Math.max(0, pausedUntilNanos - meter.currentTimeNanos());
      wait = Math.max(wait, nanosUntilOne(burst));
      wait = Math.max(wait, nanosUntilOne(daily));
      if (priority == RatePriority.BULK) {
        wait = Math.max(wait, nanosUntilOne(bulk));
      }
      if (wait > 0) {
        return wait;
      }
      // Every bucket said it has a token and only this lock changes them: none overdraws.
      burst.consumeIgnoringRateLimits(1);
      daily.consumeIgnoringRateLimits(1);
      if (priority == RatePriority.BULK) {
        bulk.consumeIgnoringRateLimits(1);
      }
      return 0;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Lets the provider's answer correct our view: adopts limits that differ from ours, lowers (never
   * raises) what remains to what the provider says, and after a 429 sends nothing until the
   * provider's window has rolled.
   *
   * @return the limits in force afterwards
   */
  RateLimits observe(int status, RateLimitHeaders headers) {
    lock.lock();
    try {
      adopt(headers);
      Integer remaining = headers.remaining();
      if (remaining != null) {
        lowerTo(burst, remaining);
        lowerTo(bulk, Math.max(0, remaining - BucketShapes.liveReserve(limits, bulkShare)));
      }
      Long dailyRemaining = headers.dailyRemaining();
      if (dailyRemaining != null) {
        lowerTo(daily, dailyRemaining);
      }
      if (status == 429) {
        Duration window = headers.interval() == null ? limits.interval() : headers.interval();
        pausedUntilNanos = Math.max(pausedUntilNanos, meter.currentTimeNanos() + window.toNanos());
        lowerTo(burst, 0);
        lowerTo(bulk, 0);
      }
      return limits;
    } finally {
      lock.unlock();
    }
  }

  RateBudget snapshot(String key) {
    lock.lock();
    try {
      long burstLeft = burst.getAvailableTokens();
      return new RateBudget(
          key,
          limits,
          burstLeft,
          Math.min(burstLeft, bulk.getAvailableTokens()),
          daily.getAvailableTokens(),
          waiters.get(),
          Duration.ofNanos(Math.max(0, pausedUntilNanos - meter.currentTimeNanos())));
    } finally {
      lock.unlock();
    }
  }

  private void adopt(RateLimitHeaders headers) {
    RateLimits seen = limits;
    Integer max = headers.max();
    Duration interval = headers.interval();
    if (max != null || interval != null) {
      seen =
          seen.withBurst(
              max == null ? seen.burstMax() : max, interval == null ? seen.interval() : interval);
    }
    Long dailyLimit = headers.dailyLimit();
    if (dailyLimit != null) {
      seen = seen.withDaily(dailyLimit);
    }
    if (seen.burstMax() != limits.burstMax() || !seen.interval().equals(limits.interval())) {
      // AS_IS keeps the tokens we have, cut to the new capacity: a lower limit applies at once.
      replace(burst, BucketShapes.burst(seen));
      replace(bulk, BucketShapes.bulk(seen, bulkShare));
    }
    if (seen.dailyMax() != limits.dailyMax()) {
      replace(daily, BucketShapes.daily(seen, now()));
    }
    limits = seen;
  }

  private static void replace(Bucket bucket, Bandwidth bandwidth) {
    bucket.replaceConfiguration(
        new BucketConfiguration(List.of(bandwidth)), TokensInheritanceStrategy.AS_IS);
  }

  /** Consumes what we think remains beyond {@code remaining}; never adds tokens. */
  private static void lowerTo(Bucket bucket, long remaining) {
    long available = bucket.getAvailableTokens();
    if (available > remaining) {
      bucket.consumeIgnoringRateLimits(available - remaining);
    }
  }

  private static long nanosUntilOne(Bucket bucket) {
    EstimationProbe probe = bucket.estimateAbilityToConsume(1);
    return probe.canBeConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
  }

  private Bucket bucket(Bandwidth bandwidth) {
    return Bucket.builder().addLimit(bandwidth).withCustomTimePrecision(meter).build();
  }

  private Instant now() {
    long nanos = meter.currentTimeNanos();
    return Instant.ofEpochSecond(0, nanos);
  }
}

package io.ghlcredly.http.ratelimit;

import io.ghlcredly.http.RatePriority;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One key's budget: a burst bucket, a bulk bucket and a daily bucket (shapes in {@link
 * BucketShapes}). The buckets may be local or shared by several processes ({@link BucketSource}),
 * and no lock spans processes, so every change is one atomic bucket operation:
 *
 * <ul>
 *   <li>A call takes a token from each bucket it needs, one after the other (bulk, burst, daily),
 *       and gives back those it took when a later one is empty: a given-back token was held for a
 *       moment and never used. Burst comes after bulk and before daily, so burst tokens (the
 *       provider's limit) are given back only when the day's budget is spent.
 *   <li>After a 429 the burst and bulk buckets are driven below zero by one window's refill, so
 *       that every process sharing them sends nothing for a window; the burst bucket is below zero
 *       only then, which is how a pause is recognised.
 *   <li>The provider's headers lower a bucket with a conditional take, which never goes below zero
 *       even when several processes apply the same header at once.
 * </ul>
 *
 * <p>The limits in force live in the buckets' configuration; {@link #limits()} is this process's
 * view of them, which follows the provider's headers. Thread-safe.
 */
final class KeyBudget {
  /**
   * One take at a time per key in this process: on shared buckets, callers queue here rather than
   * each holding a pooled connection while waiting for the bucket's row lock.
   */
  private final ReentrantLock takes = new ReentrantLock();

  /** Applies one response's headers at a time, so that this process never lowers twice. */
  private final ReentrantLock corrections = new ReentrantLock();

  private final AtomicInteger waiters = new AtomicInteger();
  private final TimeMeter meter;
  private final double bulkShare;
  private final Bucket burst;
  private final Bucket bulk;
  private final Bucket daily;
  private volatile RateLimits limits;

  /**
   * The daily bucket's level as this process last saw it, and the UTC day it was on before looking.
   * Until the next UTC midnight the level can only fall (no call gives daily tokens back, and a new
   * daily limit keeps the tokens or cuts them), so a header at or above it needs no read.
   */
  private volatile DailySeen dailySeen = new DailySeen(Long.MAX_VALUE, Long.MIN_VALUE);

  private record DailySeen(long level, long epochDay) {}

  KeyBudget(
      String key, RateLimits limits, double bulkShare, TimeMeter meter, BucketSource buckets) {
    this.meter = meter;
    this.bulkShare = bulkShare;
    this.limits = limits;
    this.burst = buckets.bucket(key + "/burst", () -> configuration(BucketShapes.burst(limits)));
    this.bulk =
        buckets.bucket(key + "/bulk", () -> configuration(BucketShapes.bulk(limits, bulkShare)));
    this.daily =
        buckets.bucket(key + "/daily", () -> configuration(BucketShapes.daily(limits, now())));
  }

  AtomicInteger waiters() {
    return waiters;
  }

  RateLimits limits() {
    return limits;
  }

  /**
   * Takes one call's worth of budget for {@code priority}, or takes nothing and says how long to
   * wait before trying again.
   *
   * @return 0 when taken, else nanoseconds until the budget may allow it
   */
  long tryTake(RatePriority priority) {
    List<Bucket> beforeDaily =
        priority == RatePriority.BULK ? List.of(bulk, burst) : List.of(burst);
    List<Bucket> taken = new ArrayList<>(beforeDaily.size());
    takes.lock();
    try {
      for (Bucket bucket : beforeDaily) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
          return giveBack(taken, probe);
        }
        taken.add(bucket);
      }
      long day = today();
      ConsumptionProbe probe = daily.tryConsumeAndReturnRemaining(1);
      dailySeen = new DailySeen(probe.getRemainingTokens(), day);
      return probe.isConsumed() ? 0 : giveBack(taken, probe);
    } finally {
      takes.unlock();
    }
  }

  /** Returns the tokens a refused call took; says how long the refusing bucket needs. */
  private static long giveBack(List<Bucket> taken, ConsumptionProbe refusal) {
    for (Bucket bucket : taken) {
      bucket.addTokens(1);
    }
    return Math.max(1, refusal.getNanosToWaitForRefill());
  }

  /**
   * Lets the provider's answer correct the budget: adopts limits that differ from ours, lowers
   * (never raises) what remains to what the provider says, and after a 429 sends nothing until the
   * provider's window has rolled.
   *
   * @return the limits in force afterwards
   */
  RateLimits observe(int status, RateLimitHeaders headers) {
    corrections.lock();
    try {
      RateLimits inForce = adopt(headers);
      Integer remaining = headers.remaining();
      // Each lowering reads the bucket only when the header is below what it may hold.
      if (remaining != null && remaining < BucketShapes.burstCapacity(inForce)) {
        lowerTo(burst, remaining);
        lowerTo(bulk, Math.max(0, remaining - BucketShapes.liveReserve(inForce, bulkShare)));
      }
      Long dailyRemaining = headers.dailyRemaining();
      DailySeen seen = dailySeen;
      long day = today();
      if (dailyRemaining != null && (dailyRemaining < seen.level() || seen.epochDay() != day)) {
        dailySeen = new DailySeen(lowerTo(daily, dailyRemaining), day);
      }
      if (status == 429) {
        // adopt() took the window from the headers when they had one.
        Duration window = inForce.interval();
        Duration period = BucketShapes.refillPeriod(inForce);
        pause(burst, BucketShapes.burstRefill(inForce), period, window);
        pause(bulk, BucketShapes.bulkRefill(inForce, bulkShare), period, window);
      }
      return inForce;
    } finally {
      corrections.unlock();
    }
  }

  RateBudget snapshot(String key) {
    long burstLeft = burst.getAvailableTokens();
    Duration paused = burstLeft < 0 ? Duration.ofNanos(nanosUntilOne(burst)) : Duration.ZERO;
    long burstRemaining = Math.max(0, burstLeft);
    return new RateBudget(
        key,
        limits,
        burstRemaining,
        Math.min(burstRemaining, Math.max(0, bulk.getAvailableTokens())),
        Math.max(0, daily.getAvailableTokens()),
        waiters.get(),
        paused);
  }

  private RateLimits adopt(RateLimitHeaders headers) {
    RateLimits before = limits;
    RateLimits seen = before;
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
    if (seen.burstMax() != before.burstMax() || !seen.interval().equals(before.interval())) {
      // AS_IS keeps the tokens there are, cut to the new capacity: a lower limit applies at once.
      replace(burst, BucketShapes.burst(seen));
      replace(bulk, BucketShapes.bulk(seen, bulkShare));
    }
    if (seen.dailyMax() != before.dailyMax()) {
      replace(daily, BucketShapes.daily(seen, now()));
    }
    limits = seen;
    return seen;
  }

  /**
   * Drives {@code bucket} so far below zero that it refills for one {@code window} before its next
   * token (a token partly refilled before may shorten that by less than one token's time).
   * Processes seeing 429s at the same instant may each lengthen the pause.
   */
  private static void pause(
      Bucket bucket, long refillTokens, Duration refillPeriod, Duration window) {
    long windowTokens =
        (long) Math.ceil((double) refillTokens * window.toNanos() / refillPeriod.toNanos());
    long available = bucket.getAvailableTokens();
    long target = 1 - windowTokens;
    if (available > target) {
      bucket.consumeIgnoringRateLimits(available - target);
    }
  }

  private static void replace(Bucket bucket, Bandwidth bandwidth) {
    bucket.replaceConfiguration(configuration(bandwidth), TokensInheritanceStrategy.AS_IS);
  }

  /**
   * Takes what {@code bucket} holds beyond {@code remaining}; never adds. The take is conditional
   * (as much as possible, up to the excess), so that another process lowering at the same time
   * cannot drive the bucket below zero.
   *
   * @return the most the bucket holds afterwards
   */
  private static long lowerTo(Bucket bucket, long remaining) {
    long available = bucket.getAvailableTokens();
    if (available <= remaining) {
      return available;
    }
    return available - bucket.tryConsumeAsMuchAsPossible(available - Math.max(0, remaining));
  }

  private long today() {
    return Math.floorDiv(meter.currentTimeNanos(), Duration.ofDays(1).toNanos());
  }

  private static long nanosUntilOne(Bucket bucket) {
    EstimationProbe probe = bucket.estimateAbilityToConsume(1);
    return probe.canBeConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
  }

  private static BucketConfiguration configuration(Bandwidth bandwidth) {
    return new BucketConfiguration(List.of(bandwidth));
  }

  private Instant now() {
    return Instant.ofEpochSecond(0, meter.currentTimeNanos());
  }
}

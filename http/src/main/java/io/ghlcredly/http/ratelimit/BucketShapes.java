package io.ghlcredly.http.ratelimit;

import io.github.bucket4j.Bandwidth;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Turns a provider's limits into Bucket4j bandwidths.
 *
 * <p>Burst: HighLevel counts calls per window of {@code interval} (whether fixed or rolling is not
 * documented), so our bucket must never allow more than {@code burstMax} calls in <em>any</em>
 * window of that length. A bucket of capacity {@code C} refilling greedily {@code R} tokens per
 * interval allows at most {@code C + R} calls in any interval (full at the window's start, plus
 * what trickles in during it). A bucket of capacity {@code burstMax} refilled every interval would
 * allow twice {@code burstMax} across a window boundary. We therefore split the limit: {@code C =
 * max/2} tokens of burst and {@code R = max - C} refilled greedily per interval (HighLevel
 * defaults: 50 at once, then one every 200 ms, 5/s sustained; 5/s all day is 432,000 calls, more
 * than the daily 200,000, so the daily limit, not the burst bucket, bounds long runs).
 *
 * <p>Bulk: a second bucket of the same shape scaled by the bulk share; bulk work must take a token
 * from both, so in any interval it uses at most {@code share × max} and live work keeps the rest.
 *
 * <p>Daily: capacity {@code dailyMax}, refilled at once every UTC midnight (the day HighLevel's
 * emulator and docs imply; the {@code X-RateLimit-Daily-Remaining} header corrects us if the
 * provider counts otherwise).
 */
final class BucketShapes {
  private BucketShapes() {}

  static long burstCapacity(RateLimits limits) {
    return Math.max(1, limits.burstMax() / 2);
  }

  static long burstRefill(RateLimits limits) {
    return Math.max(1, limits.burstMax() - burstCapacity(limits));
  }

  /** With a limit of one call, one token per two intervals keeps any interval to one call. */
  static Duration refillPeriod(RateLimits limits) {
    return limits.burstMax() >= 2 ? limits.interval() : limits.interval().multipliedBy(2);
  }

  static long bulkCapacity(RateLimits limits, double share) {
    return Math.max(1, (long) Math.floor(burstCapacity(limits) * share));
  }

  static long bulkRefill(RateLimits limits, double share) {
    return Math.max(1, (long) Math.floor(burstRefill(limits) * share));
  }

  /** Burst tokens bulk work must leave to live work. */
  static long liveReserve(RateLimits limits, double share) {
    return burstCapacity(limits) - bulkCapacity(limits, share);
  }

  static Bandwidth burst(RateLimits limits) {
    return greedy(burstCapacity(limits), burstRefill(limits), refillPeriod(limits));
  }

  static Bandwidth bulk(RateLimits limits, double share) {
    return greedy(bulkCapacity(limits, share), bulkRefill(limits, share), refillPeriod(limits));
  }

  static Bandwidth daily(RateLimits limits, Instant now) {
    Instant nextMidnight =
        LocalDate.ofInstant(now, ZoneOffset.UTC)
            .plusDays(1)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    return Bandwidth.builder()
        .capacity(limits.dailyMax())
        .refillIntervallyAligned(limits.dailyMax(), Duration.ofDays(1), nextMidnight)
        .build();
  }

  private static Bandwidth greedy(long capacity, long refill, Duration period) {
    return Bandwidth.builder().capacity(capacity).refillGreedy(refill, period).build();
  }
}

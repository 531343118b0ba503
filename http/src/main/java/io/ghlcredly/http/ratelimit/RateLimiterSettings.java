package io.ghlcredly.http.ratelimit;

import java.time.Duration;

/**
 * How a {@link RateLimiter} behaves.
 *
 * @param limits the limits assumed for a key until the provider's headers say otherwise
 * @param bulkShare the share of the burst budget that {@link io.ghlcredly.http.RatePriority#BULK}
 *     work may use, in (0, 1]; the rest is kept for live work
 * @param maxWait how long a caller waits for budget at most; beyond that the call fails as
 *     transient so that the durable job queue reschedules it instead of holding a worker
 */
public record RateLimiterSettings(RateLimits limits, double bulkShare, Duration maxWait) {
  public RateLimiterSettings {
    if (!(bulkShare > 0 && bulkShare <= 1)) {
      throw new IllegalArgumentException("bulk share must be in (0, 1]: " + bulkShare);
    }
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("max wait must not be negative: " + maxWait);
    }
  }

  /** HighLevel's default limits, 80% of the burst for bulk work, at most 20 s of waiting. */
  public static RateLimiterSettings ghl() {
    return new RateLimiterSettings(RateLimits.GHL, 0.8, Duration.ofSeconds(20));
  }
}

package io.ghlcredly.http.ratelimit;

import java.time.Duration;

/**
 * What a provider allows one budget (for HighLevel: one app on one location): at most {@code
 * burstMax} calls in any {@code interval}, and {@code dailyMax} calls a day.
 */
public record RateLimits(int burstMax, Duration interval, long dailyMax) {
  /** HighLevel's documented defaults: 100 per 10 s and 200,000 a day per app and location. */
  public static final RateLimits GHL = new RateLimits(100, Duration.ofSeconds(10), 200_000);

  /** HighLevel sandbox and developer accounts: 25 per 10 s and 10,000 a day per location. */
  public static final RateLimits GHL_SANDBOX = new RateLimits(25, Duration.ofSeconds(10), 10_000);

  public RateLimits {
    if (burstMax < 1 || dailyMax < 1) {
      throw new IllegalArgumentException("limits must be positive: " + burstMax + ", " + dailyMax);
    }
    if (interval.toMillis() < 1) {
      throw new IllegalArgumentException("interval must be at least 1 ms: " + interval);
    }
  }

  public RateLimits withBurst(int newBurstMax, Duration newInterval) {
    return new RateLimits(newBurstMax, newInterval, dailyMax);
  }

  public RateLimits withDaily(long newDailyMax) {
    return new RateLimits(burstMax, interval, newDailyMax);
  }
}

package io.ghlcredly.testkit.ghl;

import io.ghlcredly.testkit.server.EmulatorResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * HighLevel's per-location limits: a burst of {@code burstMax} calls per sliding {@code window}
 * (100 per 10 s) and {@code dailyLimit} calls per UTC day (200,000). Refused calls do not count
 * against the limits; they are counted per location in {@link #refused}, so a test can show that
 * clients (several instances sharing one budget) never went over. Thread-safe (synchronized).
 */
final class GhlRateLimiter {
  private final InstantSource clock;
  private final int burstMax;
  private final Duration window;
  private final long dailyLimit;
  private final Map<String, Deque<Instant>> recentCalls = new HashMap<>();
  private final Map<String, DailyCount> dailyCounts = new HashMap<>();
  private final Map<String, Long> refusals = new HashMap<>();

  GhlRateLimiter(InstantSource clock, int burstMax, Duration window, long dailyLimit) {
    this.clock = clock;
    this.burstMax = burstMax;
    this.window = window;
    this.dailyLimit = dailyLimit;
  }

  /** Counts one call for the location unless a limit is reached. */
  synchronized Decision acquire(String locationId) {
    Instant now = clock.instant();
    Deque<Instant> calls = recentCalls.computeIfAbsent(locationId, id -> new ArrayDeque<>());
    Instant windowStart = now.minus(window);
    while (!calls.isEmpty() && !calls.peekFirst().isAfter(windowStart)) {
      calls.removeFirst();
    }
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    DailyCount daily = dailyCounts.get(locationId);
    if (daily == null || !daily.day().equals(today)) {
      daily = new DailyCount(today, 0);
    }
    boolean allowed = calls.size() < burstMax && daily.count() < dailyLimit;
    if (allowed) {
      calls.addLast(now);
      daily = new DailyCount(today, daily.count() + 1);
    }
    dailyCounts.put(locationId, daily);
    if (!allowed) {
      refusals.merge(locationId, 1L, Long::sum);
    }
    return new Decision(
        allowed, burstMax - calls.size(), dailyLimit - daily.count(), burstMax, window, dailyLimit);
  }

  /** Calls for the location refused so far (answered 429) because a limit was reached. */
  synchronized long refused(String locationId) {
    return refusals.getOrDefault(locationId, 0L);
  }

  private record DailyCount(LocalDate day, long count) {}

  /** Whether a call may proceed, and the values of HighLevel's rate-limit headers. */
  record Decision(
      boolean allowed,
      int remaining,
      long dailyRemaining,
      int max,
      Duration window,
      long dailyLimit) {

    EmulatorResponse addHeaders(EmulatorResponse response) {
      return response
          .withHeader("X-RateLimit-Limit-Daily", Long.toString(dailyLimit))
          .withHeader("X-RateLimit-Daily-Remaining", Long.toString(dailyRemaining))
          .withHeader("X-RateLimit-Interval-Milliseconds", Long.toString(window.toMillis()))
          .withHeader("X-RateLimit-Max", Integer.toString(max))
          .withHeader("X-RateLimit-Remaining", Integer.toString(remaining));
    }
  }
}

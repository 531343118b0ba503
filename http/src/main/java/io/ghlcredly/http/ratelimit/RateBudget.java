package io.ghlcredly.http.ratelimit;

import java.time.Duration;

/**
 * A point-in-time view of one key's budget, for dashboards and metrics.
 *
 * @param limits the limits in force (the provider's, once its headers were seen)
 * @param burstRemaining calls live work could make right now, ignoring the daily budget
 * @param bulkRemaining calls bulk work could make right now, ignoring the daily budget
 * @param dailyRemaining calls left today
 * @param waiters callers currently waiting for budget
 * @param pausedFor how long nothing is sent after a 429, zero when not paused
 */
public record RateBudget(
    String key,
    RateLimits limits,
    long burstRemaining,
    long bulkRemaining,
    long dailyRemaining,
    int waiters,
    Duration pausedFor) {}

package io.ghlcredly.app.config;

import io.ghlcredly.core.job.RetryPolicy;
import java.time.Duration;

/**
 * Background jobs (YAML {@code jobs:}).
 *
 * @param workers jobs run in parallel by this instance
 * @param maxAttempts attempts in all, the first included, before a job is dead-lettered
 * @param initialBackoff wait after the first failure; doubles with each further failure
 * @param maxBackoff the longest wait between attempts
 * @param heartbeat how often an instance marks its running jobs alive in the database
 * @param missedHeartbeats heartbeats a running job may miss before another instance takes it over
 *     (its instance died): failover happens {@code heartbeat × missedHeartbeats} after a crash
 * @param settle how long a contact's new job waits before it reads the contact, so that the other
 *     webhooks of a burst (a workflow adding several tags) join it: one GHL read per burst, at that
 *     much latency per event (zero: no wait)
 */
public record JobsConfig(
    int workers,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration heartbeat,
    int missedHeartbeats,
    Duration settle) {
  public static final int DEFAULT_WORKERS = 4;
  public static final int DEFAULT_MAX_ATTEMPTS = 8;
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(5);
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(15);
  public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(5);
  public static final int DEFAULT_MISSED_HEARTBEATS = 6;

  /**
   * Long enough for the webhooks GHL sends for one change of several tags or fields (they arrive
   * within milliseconds), short enough to keep the end-to-end time well under 100 ms.
   */
  public static final Duration DEFAULT_SETTLE = Duration.ofMillis(30);

  /** The longest settle window: longer would hold every event back for no further gain. */
  public static final Duration MAX_SETTLE = Duration.ofSeconds(10);

  /** db-scheduler's floor: fewer would declare slow but living jobs dead. */
  public static final int MIN_MISSED_HEARTBEATS = 4;

  public JobsConfig {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("max-attempts must be at least 1");
    }
    if (initialBackoff.isNegative() || initialBackoff.isZero()) {
      throw new IllegalArgumentException("initial-backoff must be positive");
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("max-backoff must not be shorter than initial-backoff");
    }
    if (heartbeat.isNegative() || heartbeat.isZero()) {
      throw new IllegalArgumentException("heartbeat must be positive");
    }
    if (missedHeartbeats < MIN_MISSED_HEARTBEATS) {
      throw new IllegalArgumentException(
          "missed-heartbeats must be at least " + MIN_MISSED_HEARTBEATS);
    }
    if (settle.isNegative() || settle.compareTo(MAX_SETTLE) > 0) {
      throw new IllegalArgumentException("settle must be between 0 and " + MAX_SETTLE);
    }
  }

  /** Retry settings with the default heartbeat (5 s, dead after 6 missed) and settle window. */
  public JobsConfig(int workers, int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    this(
        workers,
        maxAttempts,
        initialBackoff,
        maxBackoff,
        DEFAULT_HEARTBEAT,
        DEFAULT_MISSED_HEARTBEATS,
        DEFAULT_SETTLE);
  }

  /**
   * 4 workers, 8 attempts, backoff from 5 seconds up to 15 minutes, 5 s heartbeats × 6, a 30 ms
   * settle window.
   */
  public static JobsConfig defaults() {
    return new JobsConfig(
        DEFAULT_WORKERS, DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF);
  }

  /** The retry policy these settings describe. */
  public RetryPolicy retryPolicy() {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff);
  }

  /** How long after an instance's crash its running jobs are taken over by the others. */
  public Duration failoverAfter() {
    return heartbeat.multipliedBy(missedHeartbeats);
  }
}

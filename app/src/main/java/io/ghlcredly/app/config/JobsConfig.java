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
 */
public record JobsConfig(
    int workers,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration heartbeat,
    int missedHeartbeats) {
  public static final int DEFAULT_WORKERS = 4;
  public static final int DEFAULT_MAX_ATTEMPTS = 8;
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(5);
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(15);
  public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(5);
  public static final int DEFAULT_MISSED_HEARTBEATS = 6;

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
  }

  /** Retry settings with the default heartbeat (5 s, dead after 6 missed). */
  public JobsConfig(int workers, int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    this(
        workers,
        maxAttempts,
        initialBackoff,
        maxBackoff,
        DEFAULT_HEARTBEAT,
        DEFAULT_MISSED_HEARTBEATS);
  }

  /** 4 workers, 8 attempts, backoff from 5 seconds up to 15 minutes, 5 s heartbeats × 6. */
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

package io.ghlcredly.storage;

import java.time.Duration;

/**
 * How the job queue runs.
 *
 * @param threads jobs run at once (per instance)
 * @param pollingInterval how often the queue looks for due jobs; a new job on this instance starts
 *     at once, one queued by another instance within this interval
 * @param heartbeatInterval how often a running job's row is touched
 * @param missedHeartbeatsLimit heartbeats missed before a job counts as dead (its instance crashed)
 *     and is run again elsewhere
 * @param sweepEvery the fixed delay between runs of the pending-event sweep
 * @param shutdownWait how long {@code close()} waits for running jobs
 * @param settle how long a newly queued job waits before it runs, so that the rest of a burst of
 *     one contact's events joins it (zero: it runs at once)
 */
public record JobQueueSettings(
    int threads,
    Duration pollingInterval,
    Duration heartbeatInterval,
    int missedHeartbeatsLimit,
    Duration sweepEvery,
    Duration shutdownWait,
    Duration settle) {
  public JobQueueSettings {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    if (missedHeartbeatsLimit < 4) {
      // db-scheduler's own minimum: fewer would declare slow-but-alive jobs dead.
      throw new IllegalArgumentException("missedHeartbeatsLimit must be at least 4");
    }
    requirePositive("pollingInterval", pollingInterval);
    requirePositive("heartbeatInterval", heartbeatInterval);
    requirePositive("sweepEvery", sweepEvery);
    if (shutdownWait.isNegative()) {
      throw new IllegalArgumentException("shutdownWait must not be negative");
    }
    if (settle.isNegative()) {
      throw new IllegalArgumentException("settle must not be negative");
    }
  }

  /** Settings whose jobs run as soon as they are queued (no settle window). */
  public JobQueueSettings(
      int threads,
      Duration pollingInterval,
      Duration heartbeatInterval,
      int missedHeartbeatsLimit,
      Duration sweepEvery,
      Duration shutdownWait) {
    this(
        threads,
        pollingInterval,
        heartbeatInterval,
        missedHeartbeatsLimit,
        sweepEvery,
        shutdownWait,
        Duration.ZERO);
  }

  /** Settings with db-scheduler's default of six missed heartbeats. */
  public JobQueueSettings(
      int threads,
      Duration pollingInterval,
      Duration heartbeatInterval,
      Duration sweepEvery,
      Duration shutdownWait) {
    this(threads, pollingInterval, heartbeatInterval, 6, sweepEvery, shutdownWait);
  }

  /**
   * Four threads, 1 s polling, 5 s heartbeats (dead after 30 s), a sweep a minute, 10 s drain, no
   * settle window.
   */
  public static JobQueueSettings defaults() {
    return new JobQueueSettings(
        4,
        Duration.ofSeconds(1),
        Duration.ofSeconds(5),
        6,
        Duration.ofMinutes(1),
        Duration.ofSeconds(10));
  }

  /** The same settings with another number of worker threads. */
  public JobQueueSettings withThreads(int count) {
    return new JobQueueSettings(
        count,
        pollingInterval,
        heartbeatInterval,
        missedHeartbeatsLimit,
        sweepEvery,
        shutdownWait,
        settle);
  }

  /** The same settings with another settle window. */
  public JobQueueSettings withSettle(Duration window) {
    return new JobQueueSettings(
        threads,
        pollingInterval,
        heartbeatInterval,
        missedHeartbeatsLimit,
        sweepEvery,
        shutdownWait,
        window);
  }

  /**
   * The same settings with another heartbeat: a crashed instance's jobs run elsewhere after {@code
   * interval × missedLimit}.
   */
  public JobQueueSettings withHeartbeat(Duration interval, int missedLimit) {
    return new JobQueueSettings(
        threads, pollingInterval, interval, missedLimit, sweepEvery, shutdownWait, settle);
  }

  /** How long a job's heartbeat may be silent before it counts as dead. */
  public Duration deadAfter() {
    return heartbeatInterval.multipliedBy(missedHeartbeatsLimit);
  }

  private static void requirePositive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}

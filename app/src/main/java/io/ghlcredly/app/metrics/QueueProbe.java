package io.ghlcredly.app.metrics;

import java.time.Instant;
import java.util.Optional;

/** Reads the queue's state for the gauges; each call may query the database. */
public interface QueueProbe {
  /** Contact-sync jobs queued or running. */
  long queuedJobs();

  /** Events received but not yet applied. */
  long pendingEvents();

  /** When the oldest pending event arrived; empty when none is pending. */
  Optional<Instant> oldestPendingReceivedAt();
}

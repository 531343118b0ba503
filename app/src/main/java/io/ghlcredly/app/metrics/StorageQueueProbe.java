package io.ghlcredly.app.metrics;

import io.ghlcredly.storage.DbSchedulerJobQueue;
import io.ghlcredly.storage.JdbcEventInbox;
import java.time.Instant;
import java.util.Optional;

/** The queue as the database holds it: db-scheduler's jobs and the event inbox. */
public final class StorageQueueProbe implements QueueProbe {
  private final DbSchedulerJobQueue jobs;
  private final JdbcEventInbox inbox;

  public StorageQueueProbe(DbSchedulerJobQueue jobs, JdbcEventInbox inbox) {
    this.jobs = jobs;
    this.inbox = inbox;
  }

  @Override
  public long queuedJobs() {
    return jobs.countQueued();
  }

  @Override
  public long pendingEvents() {
    return inbox.countPending();
  }

  @Override
  public Optional<Instant> oldestPendingReceivedAt() {
    return inbox.findOldestPendingReceivedAt();
  }
}

package io.ghlcredly.core.sync;

import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.port.EventInbox;
import io.ghlcredly.core.port.JobQueue;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/**
 * Queues contacts whose events wait without a job: after a crash between storing an event and
 * queuing it, or when an event arrived while its contact's job was finishing. Thread-safe.
 */
public final class PendingEventSweeper {
  private static final int BATCH = 500;

  private final EventInbox inbox;
  private final JobQueue queue;
  private final InstantSource clock;
  private final Duration grace;

  /**
   * @param grace how long an event may wait before the sweeper steps in; longer than a normal job
   */
  public PendingEventSweeper(
      EventInbox inbox, JobQueue queue, InstantSource clock, Duration grace) {
    this.inbox = inbox;
    this.queue = queue;
    this.clock = clock;
    this.grace = grace;
  }

  /** Returns how many contacts got a new job. */
  public int sweep() {
    List<ContactId> waiting =
        inbox.listContactsWithPendingBefore(clock.instant().minus(grace), BATCH);
    int queued = 0;
    for (ContactId contactId : waiting) {
      if (queue.enqueueContactSync(contactId)) {
        queued++;
      }
    }
    return queued;
  }
}

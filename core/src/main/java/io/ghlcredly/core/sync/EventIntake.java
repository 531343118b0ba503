package io.ghlcredly.core.sync;

import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.core.port.EventInbox;
import io.ghlcredly.core.port.JobQueue;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes an incoming event durable and queues its contact's sync job. The event is stored before
 * this returns, so a caller may answer 2xx as soon as it does. Thread-safe.
 */
public final class EventIntake {
  private static final Logger log = LoggerFactory.getLogger(EventIntake.class);

  private final EventInbox inbox;
  private final JobQueue queue;
  private final SyncCounters counters;
  private final InstantSource clock;

  public EventIntake(EventInbox inbox, JobQueue queue, SyncCounters counters, InstantSource clock) {
    this.inbox = inbox;
    this.queue = queue;
    this.counters = counters;
    this.clock = clock;
  }

  /** Whether the event was new. */
  public enum Result {
    ACCEPTED,
    DUPLICATE
  }

  public Result accept(String source, SyncEvent event, String payload) {
    if (!inbox.append(source, event, payload, clock.instant())) {
      counters.eventDuplicate(source, event);
      log.atInfo()
          .addKeyValue("source", source)
          .addKeyValue("eventId", event.eventId())
          .log("duplicate event ignored");
      return Result.DUPLICATE;
    }
    counters.eventAccepted(source, event);
    try {
      boolean queued = queue.enqueueContactSync(event.contactId());
      log.atInfo()
          .addKeyValue("source", source)
          .addKeyValue("eventId", event.eventId())
          .addKeyValue("type", event.type())
          .addKeyValue("contactId", event.contactId())
          .addKeyValue("coalesced", !queued)
          .log("event accepted");
    } catch (RuntimeException e) {
      // The event is durable: the sweeper queues its contact later.
      log.atWarn()
          .addKeyValue("contactId", event.contactId())
          .addKeyValue("cause", e.toString())
          .log("event stored but not queued; the sweeper will queue it");
    }
    return Result.ACCEPTED;
  }
}

package io.ghlcredly.core.sync;

import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.DeadLetter;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.ReceivedEvent;
import io.ghlcredly.core.port.DeadLetterStore;
import java.time.InstantSource;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stores failed work as a dead letter, counts it and says so in the log. Thread-safe. */
final class DeadLetterWriter {
  private static final Logger log = LoggerFactory.getLogger(DeadLetterWriter.class);

  private final DeadLetterStore deadLetters;
  private final SyncCounters counters;
  private final InstantSource clock;

  DeadLetterWriter(DeadLetterStore deadLetters, SyncCounters counters, InstantSource clock) {
    this.deadLetters = deadLetters;
    this.counters = counters;
    this.clock = clock;
  }

  void write(
      String kind,
      ContactId contactId,
      List<ReceivedEvent> pending,
      String detail,
      String cause,
      int attempts) {
    List<EventId> eventIds = pending.stream().map(received -> received.event().eventId()).toList();
    DeadLetter stored =
        deadLetters.add(
            new DeadLetter(
                0, kind, contactId, eventIds, detail, cause, attempts, clock.instant(), null));
    counters.failure();
    log.atWarn()
        .addKeyValue("deadLetterId", stored.id())
        .addKeyValue("contactId", contactId)
        .addKeyValue("detail", detail)
        .addKeyValue("cause", cause)
        .log("work dead-lettered");
  }
}

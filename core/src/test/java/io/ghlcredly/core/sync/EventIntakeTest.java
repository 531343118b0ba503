package io.ghlcredly.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ghlcredly.core.error.StorageException;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.core.port.IntakeStore;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventIntakeTest {
  private final InstantSource clock = InstantSource.fixed(Instant.parse("2026-03-01T10:00:00Z"));
  private final InMemoryPorts.Inbox inbox = new InMemoryPorts.Inbox();
  private final InMemoryPorts.Queue queue = new InMemoryPorts.Queue();
  private final SyncCounters counters = new SyncCounters();
  private final EventIntake intake = new EventIntake(inbox, queue, counters, clock);

  @Test
  void storesAndQueuesANewEvent() {
    assertThat(intake.accept("ghl", event("w1"), "{}")).isEqualTo(EventIntake.Result.ACCEPTED);

    assertThat(inbox.listPending(new ContactId("ada"))).hasSize(1);
    assertThat(queue.queued).containsExactly(new ContactId("ada"));
  }

  @Test
  void refusesTheSameEventIdTwice() {
    intake.accept("ghl", event("w1"), "{}");

    assertThat(intake.accept("ghl", event("w1"), "{}")).isEqualTo(EventIntake.Result.DUPLICATE);
    assertThat(inbox.countAccepted()).isEqualTo(1);
    assertThat(counters.snapshot().eventsDuplicate()).isEqualTo(1);
  }

  @Test
  void keepsTheEventWhenQueueingFailsAndTheSweeperQueuesItLater() {
    queue.failure = new StorageException("queue down", new SQLException("down"));
    assertThat(intake.accept("ghl", event("w1"), "{}")).isEqualTo(EventIntake.Result.ACCEPTED);
    queue.failure = null;

    InstantSource later = InstantSource.fixed(clock.instant().plusSeconds(60));
    int queued = new PendingEventSweeper(inbox, queue, later, Duration.ofSeconds(30)).sweep();

    assertThat(queued).isEqualTo(1);
    assertThat(queue.queued).containsExactly(new ContactId("ada"));
  }

  @Test
  void groupCommittedIntakeAcceptsNewEventsAndRefusesDuplicates() {
    List<List<IntakeStore.Arrival>> batches = new ArrayList<>();
    EventIntake grouped = new EventIntake(storeRefusingDup(batches), counters, clock);

    assertThat(grouped.accept("ghl", event("w1"), "{}")).isEqualTo(EventIntake.Result.ACCEPTED);
    assertThat(grouped.accept("ghl", event("dup"), "{}")).isEqualTo(EventIntake.Result.DUPLICATE);
    assertThat(batches).hasSize(2);
    assertThat(batches.getFirst().getFirst().receivedAt()).isEqualTo(clock.instant());
    assertThat(counters.snapshot().eventsDuplicate()).isEqualTo(1);
  }

  @Test
  void storesAPageOfEventsTogetherAndTellsWhichWereNew() {
    List<List<IntakeStore.Arrival>> batches = new ArrayList<>();
    EventIntake grouped = new EventIntake(storeRefusingDup(batches), counters, clock);

    List<EventIntake.Result> results =
        grouped.acceptAll("import", List.of(event("i1"), event("dup"), event("i2")), "{}");

    assertThat(results)
        .containsExactly(
            EventIntake.Result.ACCEPTED, EventIntake.Result.DUPLICATE, EventIntake.Result.ACCEPTED);
    assertThat(batches).hasSize(1);
    assertThat(counters.snapshot().eventsDuplicate()).isEqualTo(1);
  }

  @Test
  void groupCommittedIntakeFailsWhenItsBatchCannotBeStored() {
    StorageException down = new StorageException("database down", new SQLException("down"));
    EventIntake grouped =
        new EventIntake(
            arrivals -> {
              throw down;
            },
            counters,
            clock);

    assertThatThrownBy(() -> grouped.accept("ghl", event("w1"), "{}")).isSameAs(down);
  }

  /** A store that records each batch and finds the event with id {@code dup} stored already. */
  private static IntakeStore storeRefusingDup(List<List<IntakeStore.Arrival>> batches) {
    return arrivals -> {
      batches.add(arrivals);
      return arrivals.stream()
          .map(
              arrival ->
                  arrival.event().eventId().value().equals("dup")
                      ? IntakeStore.Outcome.DUPLICATE
                      : IntakeStore.Outcome.QUEUED)
          .toList();
    };
  }

  private SyncEvent event(String id) {
    return new SyncEvent.ContactTagsUpdated(
        new EventId(id), new ContactId("ada"), new LocationId("loc"), clock.instant());
  }
}

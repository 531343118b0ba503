package io.ghlcredly.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ghlcredly.core.error.StorageException;
import io.ghlcredly.core.job.RetryClassifier;
import io.ghlcredly.core.job.RetryPolicy;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.core.port.IntakeStore;
import io.ghlcredly.core.port.IntakeStore.Arrival;
import io.ghlcredly.core.port.IntakeStore.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link JdbcIntakeStore} must do, on each database. */
public abstract class IntakeStoreContract extends StoreFixture {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  private DbSchedulerJobQueue jobs;
  private JdbcEventInbox inbox;
  private IntakeStore store;

  @BeforeEach
  void wire() {
    jobs = DbSchedulerJobQueue.create(database, JobQueueContract.FAST, InstantSource.system());
    inbox = new JdbcEventInbox(database);
    store = new JdbcIntakeStore(database, inbox, jobs);
  }

  @AfterEach
  void stopJobs() {
    // Null when the fixture skipped the test (no PostgreSQL) before wire() ran.
    if (jobs != null) {
      jobs.close();
    }
  }

  @Test
  void storesABatchsEventsAndQueuesEachNewContactOnce() {
    List<Outcome> outcomes =
        store.storeAndQueue(
            List.of(arrival("w1", "anna"), arrival("w2", "ben"), arrival("w3", "anna")));

    assertThat(outcomes).containsExactly(Outcome.QUEUED, Outcome.QUEUED, Outcome.COALESCED);
    assertThat(inbox.listPending(new ContactId("anna"))).hasSize(2);
    assertThat(inbox.listPending(new ContactId("ben"))).hasSize(1);
    assertThat(jobs.countQueued()).isEqualTo(2);
  }

  @Test
  void refusesDuplicatesWithinABatchAndAcrossBatchesWithoutQueueing() {
    store.storeAndQueue(List.of(arrival("w1", "anna")));

    List<Outcome> outcomes =
        store.storeAndQueue(
            List.of(arrival("w1", "anna"), arrival("w2", "ben"), arrival("w2", "ben")));

    assertThat(outcomes).containsExactly(Outcome.DUPLICATE, Outcome.QUEUED, Outcome.DUPLICATE);
    assertThat(inbox.countAccepted()).isEqualTo(2);
    assertThat(jobs.countQueued()).isEqualTo(2);
  }

  @Test
  void coalescesIntoAJobQueuedByTheQueuesOwnPath() {
    jobs.enqueueContactSync(new ContactId("anna"));

    assertThat(store.storeAndQueue(List.of(arrival("w1", "anna"))))
        .containsExactly(Outcome.COALESCED);
    assertThat(jobs.countQueued()).isEqualTo(1);
  }

  @Test
  void storesNothingOfABatchWhoseJobsCannotBeQueued() {
    new Jdbc(database).update("DROP TABLE scheduled_tasks");

    assertThatThrownBy(
            () -> store.storeAndQueue(List.of(arrival("w1", "anna"), arrival("w2", "ben"))))
        .isInstanceOf(StorageException.class);
    assertThat(inbox.countAccepted()).isZero();
  }

  @Test
  void theRunningQueueRunsTheStoredEventsJobs() {
    RecordingHandler handler = RecordingHandler.succeeding();
    jobs.start(
        handler,
        new RetryClassifier(
            new RetryPolicy(3, Duration.ofMillis(200), Duration.ofMillis(400)),
            new SplittableRandom(7)),
        () -> {});

    store.storeAndQueue(List.of(arrival("w1", "anna"), arrival("w2", "ben")));

    await().atMost(Duration.ofSeconds(15)).until(() -> handler.runs.size() == 2);
    assertThat(handler.runs)
        .extracting(RecordingHandler.Run::contactId)
        .containsExactlyInAnyOrder(new ContactId("anna"), new ContactId("ben"));
  }

  private static Arrival arrival(String eventId, String contactId) {
    return new Arrival(
        "ghl",
        new SyncEvent.ContactTagsUpdated(
            new EventId(eventId), new ContactId(contactId), new LocationId("loc"), NOW),
        "{}",
        NOW);
  }
}

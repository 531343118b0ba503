package io.ghlcredly.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.ContactSnapshot;
import io.ghlcredly.core.model.ContactVersion;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.ReceivedEvent;
import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.core.model.TaskVersion;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReconcilerTest {
  private static final LocationId LOC = new LocationId("loc-1");
  private static final ContactId ADA = new ContactId("ada");
  private static final ContactId BEN = new ContactId("ben");
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final String CURSOR = "ghl-contacts:loc-1";

  private final InstantSource clock = InstantSource.fixed(NOW);
  private final InMemoryPorts.Inbox inbox = new InMemoryPorts.Inbox();
  private final InMemoryPorts.Queue queue = new InMemoryPorts.Queue();
  private final InMemoryPorts.State state = new InMemoryPorts.State();
  private final InMemoryPorts.Cursors cursors = new InMemoryPorts.Cursors();
  private final InMemoryPorts.Feed feed = new InMemoryPorts.Feed();
  private final EventIntake intake = new EventIntake(inbox, queue, new SyncCounters(), clock);
  private final Reconciler reconciler =
      new Reconciler(feed, inbox, state, cursors, intake, Duration.ofDays(1), clock);

  @Test
  void firstPassLooksBackAndQueuesEachChangedContact() {
    feed.versions.add(new ContactVersion(ADA, NOW.minusSeconds(60)));
    feed.versions.add(new ContactVersion(BEN, NOW.minusSeconds(30)));

    assertThat(reconciler.reconcile(LOC)).isEqualTo(2);

    assertThat(feed.asked).containsExactly(NOW.minus(Duration.ofDays(1)));
    assertThat(queue.queued).containsExactly(ADA, BEN);
    ReceivedEvent event = inbox.listPending(ADA).getFirst();
    assertThat(event.source()).isEqualTo("ghl-poll");
    assertThat(event.event().eventId().value())
        .isEqualTo("poll:ada:" + NOW.minusSeconds(60).toEpochMilli());
    assertThat(((SyncEvent.ContactUpdated) event.event()).locationId()).isEqualTo(LOC);
  }

  @Test
  void aContactTheFeedCarriedIsQueuedWholeSoApplyingItNeedsNoRead() {
    Contact ada =
        new Contact(ADA, LOC, "ada@example.com", "Ada", "L", Set.of("vip"), NOW.minusSeconds(60));
    feed.versions.add(new ContactVersion(ADA, NOW.minusSeconds(60), ada));

    reconciler.reconcile(LOC);

    assertThat(inbox.listPending(ADA))
        .singleElement()
        .satisfies(
            received ->
                assertThat(received.event())
                    .isInstanceOfSatisfying(
                        SyncEvent.ContactSeen.class,
                        seen -> assertThat(seen.contact()).isEqualTo(ada)));
  }

  @Test
  void savesTheNewestDateUpdatedAsTheCursorAndResumesFromIt() {
    feed.versions.add(new ContactVersion(ADA, NOW.minusSeconds(60)));
    reconciler.reconcile(LOC);

    assertThat(cursors.find(CURSOR)).contains(NOW.minusSeconds(60).toString());

    reconciler.reconcile(LOC);
    assertThat(feed.asked).last().isEqualTo(NOW.minusSeconds(60));
  }

  @Test
  void skipsAContactAWebhookAlreadyApplied() {
    feed.versions.add(new ContactVersion(ADA, NOW.minusSeconds(60)));
    state.save(new ContactSnapshot(ADA, Set.of(), NOW.minusSeconds(60), NOW));

    assertThat(reconciler.reconcile(LOC)).isZero();

    assertThat(inbox.countAccepted()).isZero();
    assertThat(cursors.find(CURSOR)).contains(NOW.minusSeconds(60).toString());
  }

  @Test
  void queuesAContactWhoseAppliedSnapshotIsOlder() {
    feed.versions.add(new ContactVersion(ADA, NOW.minusSeconds(60)));
    state.save(new ContactSnapshot(ADA, Set.of(), NOW.minusSeconds(61), NOW));

    assertThat(reconciler.reconcile(LOC)).isEqualTo(1);
  }

  @Test
  void overlappingPassesDoNotAcceptTheSameChangeTwice() {
    feed.versions.add(new ContactVersion(ADA, NOW.minusSeconds(60)));

    reconciler.reconcile(LOC);
    // The cursor is inclusive: the next pass sees ada's version again.
    assertThat(reconciler.reconcile(LOC)).isZero();

    assertThat(inbox.countAccepted()).isEqualTo(1);
  }

  @Test
  void keepsTheCursorWhenThePassFails() {
    cursors.save(CURSOR, NOW.minusSeconds(120).toString());
    feed.versions.add(new ContactVersion(ADA, NOW.minusSeconds(60)));
    feed.versions.add(new ContactVersion(BEN, NOW.minusSeconds(30)));
    feed.failAfterFirst = InMemoryPorts.transientFailure();

    assertThatThrownBy(() -> reconciler.reconcile(LOC)).isSameAs(feed.failAfterFirst);

    assertThat(cursors.find(CURSOR)).contains(NOW.minusSeconds(120).toString());
    assertThat(queue.queued).containsExactly(ADA);
  }

  @Test
  void aFirstPassThatFailsKeepsItsStartSoALaterPassStillLooksThatFarBack() {
    AtomicReference<Instant> now = new AtomicReference<>(NOW);
    InstantSource later = now::get;
    Reconciler failing =
        new Reconciler(
            feed,
            inbox,
            state,
            cursors,
            new EventIntake(inbox, queue, new SyncCounters(), later),
            Duration.ofMinutes(1),
            later);
    feed.versions.add(new ContactVersion(ADA, NOW.minusSeconds(30)));
    feed.versions.add(new ContactVersion(BEN, NOW.minusSeconds(20)));
    feed.failAfterFirst = InMemoryPorts.transientFailure();
    assertThatThrownBy(() -> failing.reconcile(LOC)).isSameAs(feed.failAfterFirst);

    // The next pass runs long after the lookback (the process was down, or its worker busy).
    now.set(NOW.plus(Duration.ofMinutes(10)));
    feed.failAfterFirst = null;
    failing.reconcile(LOC);

    assertThat(feed.asked).containsExactly(NOW.minusSeconds(60), NOW.minusSeconds(60));
    assertThat(queue.queued).contains(ADA, BEN);
  }

  @Test
  void reportsATaskCompletionNoWebhookDelivered() {
    tagEventFromWebhook("w-1", ADA);
    feed.tasks.put(
        ADA,
        List.of(
            new TaskVersion("task-done", "Certification exam", true),
            new TaskVersion("task-open", "Follow up", false)));

    assertThat(reconciler.reconcile(LOC)).isEqualTo(1);

    assertThat(inbox.containsSubject("task.completed", "task-done")).isTrue();
    assertThat(inbox.containsSubject("task.completed", "task-open")).isFalse();
    assertThat(reconciler.reconcile(LOC)).as("the next pass repeats nothing").isZero();
  }

  @Test
  void skipsATaskCompletionAWebhookAlreadyReported() {
    tagEventFromWebhook("w-1", ADA);
    inbox.append(
        "ghl",
        new SyncEvent.TaskCompleted(new EventId("w-2"), ADA, LOC, NOW, "task-done", "Exam"),
        "{}",
        NOW);
    feed.tasks.put(ADA, List.of(new TaskVersion("task-done", "Exam", true)));

    assertThat(reconciler.reconcile(LOC)).isZero();
  }

  @Test
  void looksOnlyAtTasksOfContactsActiveWithinTheLookback() {
    inbox.append(
        "ghl",
        new SyncEvent.ContactTagsUpdated(
            new EventId("old"), BEN, LOC, NOW.minus(Duration.ofDays(3))),
        "{}",
        NOW.minus(Duration.ofDays(3)));
    tagEventFromWebhook("w-1", ADA);

    reconciler.reconcile(LOC);

    assertThat(feed.tasksAsked).containsExactly(ADA);
  }

  private void tagEventFromWebhook(String webhookId, ContactId contact) {
    inbox.append(
        "ghl",
        new SyncEvent.ContactTagsUpdated(new EventId(webhookId), contact, LOC, NOW),
        "{}",
        NOW);
  }
}

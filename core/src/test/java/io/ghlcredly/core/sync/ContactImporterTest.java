package io.ghlcredly.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.ReceivedEvent;
import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.core.port.EventInbox;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ContactImporterTest {
  private static final LocationId LOC = new LocationId("loc-1");
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final String CHECKPOINT = "import:loc-1";

  private final InstantSource clock = InstantSource.fixed(NOW);
  private final InMemoryPorts.Inbox inbox = new InMemoryPorts.Inbox();
  private final InMemoryPorts.Queue queue = new InMemoryPorts.Queue();
  private final InMemoryPorts.Cursors cursors = new InMemoryPorts.Cursors();
  private final PagedDirectory directory = new PagedDirectory(3);
  private final List<Contact> plannedFor = new ArrayList<>();
  private final ContactPlanner planner =
      contact -> {
        plannedFor.add(contact);
        return new ContactPlanner.Plan(
            contact.id(),
            contact.tags().contains("vip")
                ? List.of(new ContactPlanner.Step("vip-badge", "issue-badge", "tag 'vip'", "t-1"))
                : List.of());
      };
  private final ContactImporter importer =
      new ContactImporter(
          directory,
          planner,
          new EventIntake(inbox, queue, new SyncCounters(), clock),
          cursors,
          clock);
  private final Recorder recorder = new Recorder();

  private void addContacts(int count) {
    for (int i = 1; i <= count; i++) {
      directory.contacts.add(contact("c" + i, NOW.minusSeconds(1000 - i), i % 2 == 0));
    }
  }

  private static Contact contact(String id, Instant updated, boolean vip) {
    return new Contact(
        new ContactId(id),
        LOC,
        id + "@example.com",
        "First",
        "Last",
        vip ? Set.of("vip") : Set.of(),
        updated);
  }

  @Test
  void queuesEveryContactCarriedWholeWithAVersionedEventId() {
    addContacts(7);

    ImportProgress end = importer.run(LOC, null, false, recorder);

    assertThat(end.complete()).isTrue();
    assertThat(end.walked()).isEqualTo(7);
    assertThat(end.queued()).isEqualTo(7);
    assertThat(end.pages()).isEqualTo(3);
    assertThat(end.total()).isEqualTo(7);
    assertThat(queue.queued).hasSize(7);
    ReceivedEvent first = inbox.listPending(new ContactId("c1")).getFirst();
    assertThat(first.source()).isEqualTo("import");
    assertThat(first.event().eventId().value())
        .isEqualTo("import:c1:" + NOW.minusSeconds(999).toEpochMilli());
    SyncEvent.ContactSeen seen = (SyncEvent.ContactSeen) first.event();
    assertThat(seen.contact()).isEqualTo(directory.contacts.getFirst());
    assertThat(seen.locationId()).isEqualTo(LOC);
    assertThat(seen.occurredAt()).isEqualTo(NOW.minusSeconds(999));
  }

  @Test
  void reportsProgressAfterEachPageWithTheCountedTotal() {
    addContacts(7);

    importer.run(LOC, null, false, recorder);

    assertThat(recorder.started).extracting(ImportProgress::total).containsExactly(7L);
    assertThat(recorder.pages).extracting(ImportProgress::walked).containsExactly(3L, 6L, 7L);
    assertThat(recorder.pages)
        .extracting(ImportProgress::complete)
        .containsExactly(false, false, true);
    assertThat(recorder.queued).hasSize(7);
  }

  @Test
  void importingTheSameVersionsAgainQueuesNothing() {
    addContacts(4);
    importer.run(LOC, null, false, recorder);

    ImportProgress again = importer.run(LOC, null, false, new Recorder());

    assertThat(again.walked()).isEqualTo(4);
    assertThat(again.queued()).isZero();
    assertThat(again.skipped()).isEqualTo(4);
    assertThat(inbox.countAccepted()).isEqualTo(4);
  }

  @Test
  void aNewVersionOfAContactIsImportedAgain() {
    addContacts(2);
    importer.run(LOC, null, false, recorder);
    directory.contacts.set(0, contact("c1", NOW, true));

    ImportProgress again = importer.run(LOC, null, false, new Recorder());

    assertThat(again.queued()).isEqualTo(1);
    assertThat(inbox.listPending(new ContactId("c1"))).hasSize(2);
  }

  @Test
  void resumesAfterAFailureFromThePageAfterTheLastCompletedOne() {
    addContacts(10);
    directory.failOnceAtPage(2);

    assertThatThrownBy(() -> importer.run(LOC, null, false, recorder))
        .isInstanceOf(ApiException.class);
    assertThat(cursors.find(CHECKPOINT)).contains("v1|2|6|6|0|running|6");
    assertThat(inbox.countAccepted()).isEqualTo(6);

    ImportProgress resumed = importer.run(LOC, null, false, new Recorder());

    assertThat(directory.cursorsAsked).containsExactly(null, "3", "6", "6", "9");
    assertThat(resumed.complete()).isTrue();
    assertThat(resumed.resumedAt()).isEqualTo(6);
    assertThat(resumed.walkedThisRun()).isEqualTo(4);
    assertThat(resumed.walked()).isEqualTo(10);
    assertThat(resumed.queued()).isEqualTo(10);
    assertThat(resumed.skipped()).isZero();
    assertThat(resumed.pages()).isEqualTo(4);
    assertThat(inbox.countAccepted()).isEqualTo(10);
    assertThat(cursors.find(CHECKPOINT)).contains("v1|4|10|10|0|complete|");
  }

  @Test
  void aFailureInsideAPageRepeatsOnlyThatPageAsDuplicates() {
    addContacts(6);
    ContactImporter failingAfterFourth =
        new ContactImporter(
            directory,
            planner,
            new EventIntake(new FailingAfter(inbox, 4), queue, new SyncCounters(), clock),
            cursors,
            clock);

    assertThatThrownBy(() -> failingAfterFourth.run(LOC, null, false, recorder))
        .isInstanceOf(IllegalStateException.class);
    ImportProgress resumed = importer.run(LOC, null, false, new Recorder());

    assertThat(resumed.walked()).isEqualTo(6);
    assertThat(resumed.queued()).isEqualTo(5);
    assertThat(resumed.skipped()).isEqualTo(1);
    assertThat(inbox.countAccepted()).isEqualTo(6);
  }

  @Test
  void restartIgnoresTheCheckpoint() {
    addContacts(10);
    directory.failOnceAtPage(2);
    assertThatThrownBy(() -> importer.run(LOC, null, false, recorder))
        .isInstanceOf(ApiException.class);

    ImportProgress restarted =
        importer.run(new ContactImporter.Request(LOC, null, false, true), new Recorder());

    assertThat(directory.cursorsAsked).containsExactly(null, "3", "6", null, "3", "6", "9");
    assertThat(restarted.walked()).isEqualTo(10);
    assertThat(restarted.skipped()).isEqualTo(6);
    assertThat(restarted.queued()).isEqualTo(4);
  }

  @Test
  void aCompletedImportStartsOverOnTheNextRun() {
    addContacts(4);
    importer.run(LOC, null, false, recorder);

    importer.run(LOC, null, false, new Recorder());

    assertThat(directory.cursorsAsked).containsExactly(null, "3", null, "3");
  }

  @Test
  void stopsAfterThePageWhenAskedAndTheNextRunResumes() {
    addContacts(7);
    Recorder stopping = new Recorder();
    stopping.stopAfterPages = 1;

    ImportProgress stopped = importer.run(LOC, null, false, stopping);

    assertThat(stopped.complete()).isFalse();
    assertThat(stopped.walked()).isEqualTo(3);
    importer.run(LOC, null, false, new Recorder());
    assertThat(directory.cursorsAsked).containsExactly(null, "3", "6");
    assertThat(inbox.countAccepted()).isEqualTo(7);
  }

  @Test
  void dryRunWritesNothingAndReportsEachPlan() {
    addContacts(5);
    cursors.save(CHECKPOINT, "v1|1|3|3|0|running|3");

    ImportProgress end = importer.run(LOC, null, true, recorder);

    assertThat(inbox.countAccepted()).isZero();
    assertThat(queue.queued).isEmpty();
    assertThat(cursors.positions).containsOnlyKeys(CHECKPOINT);
    assertThat(cursors.find(CHECKPOINT)).contains("v1|1|3|3|0|running|3");
    assertThat(directory.cursorsAsked.getFirst()).isNull();
    assertThat(plannedFor).hasSize(5);
    assertThat(recorder.plans).hasSize(5);
    assertThat(recorder.plans.get(1).steps())
        .containsExactly(new ContactPlanner.Step("vip-badge", "issue-badge", "tag 'vip'", "t-1"));
    assertThat(end.planned()).isEqualTo(2);
    assertThat(end.unchanged()).isEqualTo(3);
    assertThat(end.queued()).isZero();
  }

  @Test
  void sincePassesThroughToTheDirectoryAndNamesItsOwnCheckpoint() {
    addContacts(5);
    Instant since = NOW.minusSeconds(997);

    ImportProgress end = importer.run(LOC, since, false, recorder);

    assertThat(directory.sinceAsked).containsOnly(since);
    assertThat(end.walked()).isEqualTo(3);
    assertThat(end.total()).isEqualTo(3);
    assertThat(cursors.positions).containsOnlyKeys("import:loc-1:" + since);
  }

  @Test
  void aContactWithoutDateUpdatedGetsTheRunsStartAsItsVersion() {
    directory.contacts.add(contact("c1", NOW, false));
    directory.contacts.set(
        0, new Contact(new ContactId("c1"), LOC, "c1@example.com", null, null, Set.of(), null));

    importer.run(LOC, null, false, recorder);

    assertThat(inbox.listPending(new ContactId("c1")).getFirst().event().eventId().value())
        .isEqualTo("import:c1:" + NOW.toEpochMilli());
  }

  /** An inbox that refuses every append after the first {@code limit}; reads go to the real one. */
  private static final class FailingAfter implements EventInbox {
    private final EventInbox inbox;
    private int left;

    FailingAfter(EventInbox inbox, int limit) {
      this.inbox = inbox;
      this.left = limit;
    }

    @Override
    public boolean append(String source, SyncEvent event, String payload, Instant receivedAt) {
      if (left-- <= 0) {
        throw new IllegalStateException("storage down");
      }
      return inbox.append(source, event, payload, receivedAt);
    }

    @Override
    public List<ReceivedEvent> listPending(ContactId contactId) {
      return inbox.listPending(contactId);
    }

    @Override
    public void markProcessed(Collection<Long> sequences, String outcome, Instant processedAt) {
      inbox.markProcessed(sequences, outcome, processedAt);
    }

    @Override
    public List<ContactId> listContactsWithPendingBefore(Instant receivedBefore, int limit) {
      return inbox.listContactsWithPendingBefore(receivedBefore, limit);
    }

    @Override
    public List<ContactId> listContactsActiveSince(LocationId location, Instant since, int limit) {
      return inbox.listContactsActiveSince(location, since, limit);
    }

    @Override
    public void hold(Collection<Long> sequences, @Nullable LocationId location, Instant heldAt) {
      inbox.hold(sequences, location, heldAt);
    }

    @Override
    public List<ContactId> releaseHeld(LocationId location) {
      return inbox.releaseHeld(location);
    }

    @Override
    public List<HeldLocation> listHeld() {
      return inbox.listHeld();
    }

    @Override
    public boolean containsSubject(String eventType, String subjectId) {
      return inbox.containsSubject(eventType, subjectId);
    }

    @Override
    public List<ReceivedEvent> listByContact(ContactId contactId, int limit) {
      return inbox.listByContact(contactId, limit);
    }

    @Override
    public List<ContactId> reopen(Collection<EventId> eventIds) {
      return inbox.reopen(eventIds);
    }

    @Override
    public long countAccepted() {
      return inbox.countAccepted();
    }
  }

  private static final class Recorder implements ImportListener {
    final List<ImportProgress> started = new ArrayList<>();
    final List<ImportProgress> pages = new ArrayList<>();
    final List<ContactId> queued = new ArrayList<>();
    final List<ContactPlanner.Plan> plans = new ArrayList<>();
    int stopAfterPages = Integer.MAX_VALUE;

    @Override
    public void started(ImportProgress progress) {
      started.add(progress);
    }

    @Override
    public void pageDone(ImportProgress progress) {
      pages.add(progress);
    }

    @Override
    public void queued(ContactId contactId) {
      queued.add(contactId);
    }

    @Override
    public void planned(ContactPlanner.Plan plan) {
      plans.add(plan);
    }

    @Override
    public boolean stopRequested() {
      return pages.size() >= stopAfterPages;
    }
  }
}

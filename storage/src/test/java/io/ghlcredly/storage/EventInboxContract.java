package io.ghlcredly.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.model.BadgeState;
import io.ghlcredly.core.model.BadgeTemplateId;
import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.ReceivedEvent;
import io.ghlcredly.core.model.SyncEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link JdbcEventInbox} must do, on each database. */
public abstract class EventInboxContract extends StoreFixture {
  static final ContactId ANNA = new ContactId("contact-anna");
  static final ContactId BEN = new ContactId("contact-ben");
  static final LocationId LOCATION = new LocationId("location-1");
  static final BadgeTemplateId TEMPLATE = new BadgeTemplateId("tmpl-gold");
  // Millisecond instants with a non-zero sub-second part, to catch truncation and zone shifts.
  static final Instant T0 = Instant.parse("2026-03-08T06:59:58.123Z");

  private JdbcEventInbox inbox;

  @BeforeEach
  void createInbox() {
    inbox = new JdbcEventInbox(database);
  }

  static SyncEvent tagsUpdated(String eventId, ContactId contactId, Instant at) {
    return new SyncEvent.ContactTagsUpdated(new EventId(eventId), contactId, LOCATION, at);
  }

  @Test
  void listsPendingEventsOfOneContactInArrivalOrder() {
    inbox.append("ghl", tagsUpdated("e1", ANNA, T0), "{\"n\":1}", T0.plusMillis(1));
    inbox.append("ghl", tagsUpdated("e2", BEN, T0), "{\"n\":2}", T0.plusMillis(2));
    inbox.append("ghl", tagsUpdated("e3", ANNA, T0.minusSeconds(60)), "{}", T0.plusMillis(3));

    List<ReceivedEvent> pending = inbox.listPending(ANNA);

    assertThat(pending)
        .extracting(received -> received.event().eventId().value())
        .containsExactly("e1", "e3");
    assertThat(pending.get(0).sequence()).isLessThan(pending.get(1).sequence());
    ReceivedEvent first = pending.get(0);
    assertThat(first.source()).isEqualTo("ghl");
    assertThat(first.event()).isEqualTo(tagsUpdated("e1", ANNA, T0));
    assertThat(first.receivedAt()).isEqualTo(T0.plusMillis(1));
  }

  @Test
  void findsWhenTheOldestPendingEventArrived() {
    assertThat(inbox.findOldestPendingReceivedAt()).isEmpty();
    inbox.append("ghl", tagsUpdated("e1", ANNA, T0), "{}", T0.plusMillis(1));
    inbox.append("ghl", tagsUpdated("e2", BEN, T0), "{}", T0.plusMillis(2));
    long first = inbox.listPending(ANNA).get(0).sequence();

    assertThat(inbox.findOldestPendingReceivedAt()).contains(T0.plusMillis(1));
    inbox.markProcessed(List.of(first), "applied", T0.plusSeconds(1));

    assertThat(inbox.findOldestPendingReceivedAt()).contains(T0.plusMillis(2));
    assertThat(inbox.countPending()).isEqualTo(1);
  }

  @Test
  void duplicateAppendReturnsFalseAndStoresOnce() {
    assertThat(inbox.append("ghl", tagsUpdated("e1", ANNA, T0), "{}", T0)).isTrue();

    assertThat(inbox.append("ghl", tagsUpdated("e1", ANNA, T0), "{}", T0.plusSeconds(1))).isFalse();

    assertThat(inbox.countAccepted()).isEqualTo(1);
    assertThat(inbox.listPending(ANNA)).hasSize(1);
  }

  @Test
  void sameEventIdFromAnotherSourceIsNotADuplicate() {
    assertThat(inbox.append("ghl", tagsUpdated("e1", ANNA, T0), "{}", T0)).isTrue();
    assertThat(inbox.append("credly", tagsUpdated("e1", ANNA, T0), "{}", T0)).isTrue();
    assertThat(inbox.countAccepted()).isEqualTo(2);
  }

  @Test
  void duplicateInsideATransactionLeavesTheTransactionUsable() {
    inbox.append("ghl", tagsUpdated("e1", ANNA, T0), "{}", T0);

    boolean[] results =
        database.inTransaction(
            connection ->
                new boolean[] {
                  inbox.append("ghl", tagsUpdated("e1", ANNA, T0), "{}", T0),
                  inbox.append("ghl", tagsUpdated("e2", ANNA, T0), "{}", T0)
                });

    assertThat(results).containsExactly(false, true);
    assertThat(inbox.countAccepted()).isEqualTo(2);
  }

  @Test
  void appendInARolledBackTransactionLeavesNothing() {
    try {
      database.inTransaction(
          connection -> {
            inbox.append("ghl", tagsUpdated("e1", ANNA, T0), "{}", T0);
            throw new IllegalStateException("enqueue failed");
          });
    } catch (IllegalStateException expected) {
      // the transaction is rolled back
    }
    assertThat(inbox.countAccepted()).isZero();
  }

  @Test
  void concurrentAppendsOfOneEventStoreItOnce() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      Callable<Boolean> append = () -> inbox.append("ghl", tagsUpdated("race", ANNA, T0), "{}", T0);
      List<Future<Boolean>> results = pool.invokeAll(Collections.nCopies(threads, append));
      long stored = 0;
      for (Future<Boolean> result : results) {
        stored += result.get() ? 1 : 0;
      }
      assertThat(stored).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(inbox.countAccepted()).isEqualTo(1);
  }

  @Test
  void rebuildsEveryEventTypeFromItsStoredName() {
    List<SyncEvent> events =
        List.of(
            new SyncEvent.ContactCreated(new EventId("c"), ANNA, LOCATION, T0),
            new SyncEvent.ContactUpdated(new EventId("u"), ANNA, LOCATION, T0),
            new SyncEvent.ContactTagsUpdated(new EventId("t"), ANNA, LOCATION, T0),
            new SyncEvent.ContactDeleted(new EventId("d"), ANNA, LOCATION, T0),
            new SyncEvent.ContactDndUpdated(new EventId("dnd"), ANNA, LOCATION, T0),
            new SyncEvent.NoteCreated(new EventId("n1"), ANNA, LOCATION, T0, "note-1"),
            new SyncEvent.NoteUpdated(new EventId("n2"), ANNA, LOCATION, T0, "note-1"),
            new SyncEvent.NoteDeleted(new EventId("n3"), ANNA, LOCATION, T0, "note-1"),
            new SyncEvent.TaskCreated(
                new EventId("t1"), ANNA, LOCATION, T0, "task-1", "Course 101"),
            new SyncEvent.TaskCompleted(
                new EventId("t2"), ANNA, LOCATION, T0, "task-1", "Course 101"),
            new SyncEvent.TaskDeleted(new EventId("t3"), ANNA, LOCATION, T0, "task-1", null),
            badgeChanged("b1", SyncEvent.BadgeChanged.Change.CREATED, BadgeState.PENDING),
            badgeChanged("b2", SyncEvent.BadgeChanged.Change.STATE_CHANGED, BadgeState.ACCEPTED),
            badgeChanged("b3", SyncEvent.BadgeChanged.Change.DELETED, BadgeState.REVOKED),
            new SyncEvent.ContactSeen(new EventId("seen"), ANNA, LOCATION, T0, fullContact()));
    for (SyncEvent event : events) {
      inbox.append(event instanceof SyncEvent.BadgeChanged ? "credly" : "ghl", event, "{}", T0);
    }

    assertThat(inbox.listPending(ANNA)).extracting(ReceivedEvent::event).isEqualTo(events);
  }

  @Test
  void credlyEventIdIsUniqueWithinCredlyOnly() {
    assertThat(inbox.append("ghl", tagsUpdated("e1", ANNA, T0), "{}", T0)).isTrue();

    assertThat(
            inbox.append(
                "credly",
                badgeChanged("e1", SyncEvent.BadgeChanged.Change.CREATED, BadgeState.PENDING),
                "{}",
                T0))
        .isTrue();
    assertThat(
            inbox.append(
                "credly",
                badgeChanged("e1", SyncEvent.BadgeChanged.Change.CREATED, BadgeState.PENDING),
                "{}",
                T0))
        .isFalse();
  }

  static SyncEvent badgeChanged(
      String eventId, SyncEvent.BadgeChanged.Change change, BadgeState state) {
    return new SyncEvent.BadgeChanged(
        new EventId(eventId), ANNA, T0, change, "badge-" + eventId, TEMPLATE, state);
  }

  @Test
  void keepsTheRawPayload() {
    String payload = "{\"type\":\"ContactTagUpdate\",\"tags\":[\"vip\",\"élève\"]}";
    inbox.append("ghl", tagsUpdated("e1", ANNA, T0), payload, T0);

    long sequence = inbox.listPending(ANNA).get(0).sequence();

    assertThat(inbox.findPayload(sequence)).contains(payload);
  }

  @Test
  void processedEventsAreNoLongerPending() {
    inbox.append("ghl", tagsUpdated("e1", ANNA, T0), "{}", T0);
    inbox.append("ghl", tagsUpdated("e2", ANNA, T0), "{}", T0);
    long firstSequence = inbox.listPending(ANNA).get(0).sequence();

    inbox.markProcessed(List.of(firstSequence), "applied", T0.plusSeconds(5));
    inbox.markProcessed(List.of(), "applied", T0.plusSeconds(5));

    assertThat(inbox.listPending(ANNA))
        .extracting(received -> received.event().eventId().value())
        .containsExactly("e2");
    assertThat(inbox.countPending()).isEqualTo(1);
    assertThat(inbox.countAccepted()).isEqualTo(2);
  }

  @Test
  void listsContactsWhosePendingEventsWaitedPastTheCutoff() {
    ContactId carl = new ContactId("contact-carl");
    inbox.append("ghl", tagsUpdated("b1", BEN, T0), "{}", T0);
    inbox.append("ghl", tagsUpdated("a1", ANNA, T0), "{}", T0.plusSeconds(1));
    inbox.append("ghl", tagsUpdated("a2", ANNA, T0), "{}", T0.plusSeconds(2));
    inbox.append("ghl", tagsUpdated("c1", carl, T0), "{}", T0.plusSeconds(3));
    inbox.append("ghl", tagsUpdated("late", new ContactId("late"), T0), "{}", T0.plusSeconds(60));
    long carlSequence = inbox.listPending(carl).get(0).sequence();
    inbox.markProcessed(List.of(carlSequence), "applied", T0.plusSeconds(4));

    Instant cutoff = T0.plusSeconds(30);

    assertThat(inbox.listContactsWithPendingBefore(cutoff, 10)).containsExactly(BEN, ANNA);
    assertThat(inbox.listContactsWithPendingBefore(cutoff, 1)).containsExactly(BEN);
    assertThat(inbox.listContactsWithPendingBefore(T0, 10)).isEmpty();
  }

  @Test
  void listsTheContactsOfALocationActiveSinceAMoment() {
    inbox.append("ghl", tagsUpdated("old", ANNA, T0), "{}", T0);
    inbox.append("ghl", tagsUpdated("new", BEN, T0.plusSeconds(60)), "{}", T0.plusSeconds(60));
    inbox.append(
        "ghl",
        new SyncEvent.ContactTagsUpdated(
            new EventId("elsewhere"), ANNA, new LocationId("location-2"), T0.plusSeconds(60)),
        "{}",
        T0.plusSeconds(60));

    assertThat(inbox.listContactsActiveSince(LOCATION, T0.plusSeconds(1), 10)).containsExactly(BEN);
    assertThat(inbox.listContactsActiveSince(LOCATION, T0, 10)).containsExactly(ANNA, BEN);
  }

  @Test
  void tellsWhetherAnEventAboutASubjectWasAccepted() {
    inbox.append(
        "ghl",
        new SyncEvent.TaskCompleted(new EventId("w-1"), ANNA, LOCATION, T0, "task-1", "Exam"),
        "{}",
        T0);

    assertThat(inbox.containsSubject("task.completed", "task-1")).isTrue();
    assertThat(inbox.containsSubject("task.completed", "task-2")).isFalse();
    assertThat(inbox.containsSubject("task.created", "task-1")).isFalse();
  }

  static Contact fullContact() {
    return new Contact(
        ANNA,
        LOCATION,
        "anna@example.com",
        "Anna \"Nan\"",
        null,
        Set.of("vip", "a,b", "élève", "back\\slash"),
        Instant.parse("2026-03-08T06:59:58.123456789Z"),
        Map.of("phone", "+1 555 0100", "companyName", "Acme\nInc", "source", ""),
        Map.of("cf-level", "Level 2", "cf-list", "a, b"));
  }

  @Test
  void contactSeenKeepsTheWholeContactApartFromTheRawPayload() {
    Contact contact = fullContact();
    SyncEvent seen =
        new SyncEvent.ContactSeen(new EventId("import-1:v1"), ANNA, LOCATION, T0, contact);
    String payload = "raw text, not JSON";

    inbox.append("import", seen, payload, T0.plusSeconds(1));

    ReceivedEvent received = inbox.listPending(ANNA).get(0);
    assertThat(received.event()).isEqualTo(seen);
    assertThat(received.event().type()).isEqualTo("contact.seen");
    assertThat(((SyncEvent.ContactSeen) received.event()).contact()).isEqualTo(contact);
    assertThat(inbox.findPayload(received.sequence())).contains(payload);
    assertThat(inbox.listByContact(ANNA, 10))
        .extracting(ReceivedEvent::event)
        .containsExactly(seen);
  }

  @Test
  void contactSeenWithOnlyTheRequiredFieldsRoundTrips() {
    Contact bare = new Contact(ANNA, LOCATION, null, null, null, Set.of(), null);
    SyncEvent seen = new SyncEvent.ContactSeen(new EventId("poll-1"), ANNA, LOCATION, T0, bare);

    inbox.append("poll", seen, "{}", T0);

    assertThat(inbox.listPending(ANNA)).extracting(ReceivedEvent::event).containsExactly(seen);
  }

  @Test
  void listsAContactsEventsNewestFirstProcessedOrNot() {
    inbox.append("ghl", tagsUpdated("a1", ANNA, T0), "{}", T0);
    inbox.append("ghl", tagsUpdated("b1", BEN, T0), "{}", T0);
    inbox.append("ghl", tagsUpdated("a2", ANNA, T0), "{}", T0);
    inbox.append("ghl", tagsUpdated("a3", ANNA, T0), "{}", T0);
    List<ReceivedEvent> pending = inbox.listPending(ANNA);
    inbox.markProcessed(List.of(pending.get(0).sequence()), "applied", T0);

    assertThat(inbox.listByContact(ANNA, 10))
        .extracting(received -> received.event().eventId().value())
        .containsExactly("a3", "a2", "a1");
    assertThat(inbox.listByContact(ANNA, 2))
        .extracting(received -> received.event().eventId().value())
        .containsExactly("a3", "a2");
    assertThat(inbox.listByContact(new ContactId("nobody"), 10)).isEmpty();
  }

  @Test
  void reopensProcessedEventsAndNamesTheirContacts() {
    ContactId carl = new ContactId("contact-carl");
    inbox.append("ghl", tagsUpdated("a1", ANNA, T0), "{}", T0);
    inbox.append("ghl", tagsUpdated("a2", ANNA, T0), "{}", T0);
    inbox.append("ghl", tagsUpdated("b1", BEN, T0), "{}", T0);
    inbox.append("ghl", tagsUpdated("c1", carl, T0), "{}", T0);
    inbox.append("ghl", tagsUpdated("a3", ANNA, T0), "{}", T0);
    markAllProcessed(ANNA, BEN, carl);
    inbox.append("ghl", tagsUpdated("a4", ANNA, T0), "{}", T0);

    List<ContactId> contacts =
        inbox.reopen(
            List.of(
                new EventId("a1"),
                new EventId("a2"),
                new EventId("b1"),
                new EventId("a4"),
                new EventId("unknown")));

    assertThat(contacts).containsExactlyInAnyOrder(ANNA, BEN);
    assertThat(inbox.listPending(ANNA))
        .extracting(received -> received.event().eventId().value())
        .containsExactly("a1", "a2", "a4");
    assertThat(inbox.listPending(BEN)).hasSize(1);
    assertThat(inbox.listPending(carl)).isEmpty();
    assertThat(inbox.countPending()).isEqualTo(4);
    assertThat(inbox.reopen(List.of(new EventId("a1"), new EventId("b1")))).isEmpty();
    assertThat(inbox.reopen(List.of())).isEmpty();
  }

  @Test
  void reopenedEventsCanBeProcessedAgain() {
    inbox.append("ghl", tagsUpdated("a1", ANNA, T0), "{}", T0);
    markAllProcessed(ANNA);
    inbox.reopen(List.of(new EventId("a1")));

    markAllProcessed(ANNA);

    assertThat(inbox.listPending(ANNA)).isEmpty();
    assertThat(inbox.reopen(List.of(new EventId("a1")))).containsExactly(ANNA);
  }

  @Test
  void reopensManyEventsAtOnce() {
    // More than one statement's worth of event ids; appended in one transaction for speed.
    int count = 510;
    List<EventId> ids = new ArrayList<>();
    database.inTransaction(
        connection -> {
          for (int i = 0; i < count; i++) {
            ContactId contact = i % 2 == 0 ? ANNA : BEN;
            inbox.append("ghl", tagsUpdated("e" + i, contact, T0), "{}", T0);
            ids.add(new EventId("e" + i));
          }
          return ids.size();
        });
    markAllProcessed(ANNA, BEN);

    assertThat(inbox.reopen(ids)).containsExactlyInAnyOrder(ANNA, BEN);
    assertThat(inbox.countPending()).isEqualTo(count);
  }

  private void markAllProcessed(ContactId... contacts) {
    for (ContactId contact : contacts) {
      inbox.markProcessed(
          inbox.listPending(contact).stream().map(ReceivedEvent::sequence).toList(),
          "applied",
          T0.plusSeconds(1));
    }
  }

  @Test
  void listsRecentEventsOfAllContactsNewestFirstWithTheirProcessing() {
    inbox.append("ghl", tagsUpdated("e1", ANNA, T0), "{}", T0.plusMillis(1));
    inbox.append("ghl", tagsUpdated("e2", BEN, T0), "{}", T0.plusMillis(2));
    inbox.append("ghl", tagsUpdated("e3", ANNA, T0), "{}", T0.plusMillis(3));
    long first = inbox.listPending(ANNA).get(0).sequence();
    inbox.markProcessed(List.of(first), "applied", T0.plusSeconds(2));

    List<JdbcEventInbox.Entry> recent = inbox.listRecent(3);

    assertThat(recent)
        .extracting(entry -> entry.received().event().eventId().value())
        .containsExactly("e3", "e2", "e1");
    assertThat(recent.get(2).processedAt()).isEqualTo(T0.plusSeconds(2));
    assertThat(recent.get(2).outcome()).isEqualTo("applied");
    assertThat(recent.get(0).processedAt()).isNull();
    assertThat(inbox.listRecent(1)).hasSize(1);
  }

  @Test
  void listsTimingsOfEventsReceivedSinceAnInstantOldestFirst() {
    inbox.append("ghl", tagsUpdated("e1", ANNA, T0), "{}", T0.minusSeconds(60));
    inbox.append("ghl", tagsUpdated("e2", BEN, T0), "{}", T0);
    inbox.append("ghl", tagsUpdated("e3", ANNA, T0), "{}", T0.plusSeconds(5));
    long ben = inbox.listPending(BEN).get(0).sequence();
    inbox.markProcessed(List.of(ben), "applied", T0.plusMillis(250));

    assertThat(inbox.listTimingsSince(T0, 10))
        .containsExactly(
            new JdbcEventInbox.Timing(T0, T0.plusMillis(250)),
            new JdbcEventInbox.Timing(T0.plusSeconds(5), null));
  }
}

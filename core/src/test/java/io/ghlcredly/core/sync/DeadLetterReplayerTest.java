package io.ghlcredly.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.model.BadgeTemplateId;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.ContactSnapshot;
import io.ghlcredly.core.model.DeadLetter;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.Issuance;
import io.ghlcredly.core.model.JournalEntry;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.ReceivedEvent;
import io.ghlcredly.core.model.RuleId;
import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.core.sync.DeadLetterReplayer.Outcome;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeadLetterReplayerTest {
  private static final Instant FAILED_AT = Instant.parse("2026-03-01T10:00:00Z");
  private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
  private static final ContactId ADA = new ContactId("ada");
  private static final ContactId BOB = new ContactId("bob");
  private static final BadgeTemplateId TEMPLATE =
      new BadgeTemplateId("3f1c9d2e-0000-4000-8000-000000000101");
  private static final RuleId RULE = new RuleId("vip-badge");

  private final InMemoryPorts.DeadLetters deadLetters = new InMemoryPorts.DeadLetters();
  private final InMemoryPorts.Inbox inbox = new InMemoryPorts.Inbox();
  private final InMemoryPorts.State state = new InMemoryPorts.State();
  private final InMemoryPorts.Ledger ledger = new InMemoryPorts.Ledger();
  private final InMemoryPorts.ActionLog journal = new InMemoryPorts.ActionLog();
  private final InMemoryPorts.Queue queue = new InMemoryPorts.Queue();
  private final DeadLetterReplayer replayer =
      new DeadLetterReplayer(
          deadLetters, inbox, state, ledger, journal, queue, InstantSource.fixed(NOW));

  @Test
  void replayReleasesFailedWorkReopensTheEventsQueuesTheContactAndMarksTheLetter() {
    DeadLetter letter = failedContactSync(ADA, "evt-1", "evt-2");
    state.save(new ContactSnapshot(ADA, Set.of("vip"), FAILED_AT, FAILED_AT));
    state.save(new ContactSnapshot(BOB, Set.of("vip"), FAILED_AT, FAILED_AT));

    Outcome outcome = replayer.replay(letter.id(), false);

    assertThat(outcome).isInstanceOf(Outcome.Replayed.class);
    Outcome.Replayed replayed = (Outcome.Replayed) outcome;
    assertThat(replayed.releasedIssuances()).isEqualTo(1);
    assertThat(replayed.releasedActions()).isEqualTo(1);
    assertThat(replayed.eventsReopened()).isTrue();
    assertThat(replayed.queued()).containsExactly(ADA);
    assertThat(replayed.deadLetter().replayedAt()).isEqualTo(NOW);
    assertThat(inbox.listPending(ADA))
        .extracting(received -> received.event().eventId().value())
        .containsExactly("evt-1", "evt-2");
    assertThat(ledger.find(ADA, TEMPLATE)).isEmpty();
    assertThat(journal.listByContact(ADA, 10))
        .extracting(JournalEntry::state)
        .containsExactly(JournalEntry.State.DONE);
    assertThat(queue.queued).containsExactly(ADA);
    assertThat(deadLetters.find(letter.id()).orElseThrow().replayedAt()).isEqualTo(NOW);
    assertThat(state.find(ADA)).as("rules fire again as for a contact first seen").isEmpty();
    assertThat(state.find(BOB)).as("other contacts keep their snapshot").isPresent();
  }

  @Test
  void replayingTwiceSaysAlreadyReplayedAndChangesNothing() {
    DeadLetter letter = failedContactSync(ADA, "evt-1");
    replayer.replay(letter.id(), false);
    inbox.markProcessed(sequencesOf(ADA), "applied", NOW);
    queue.queued.clear();

    Outcome second = replayer.replay(letter.id(), false);

    assertThat(second).isInstanceOf(Outcome.AlreadyReplayed.class);
    assertThat(inbox.listPending(ADA)).isEmpty();
    assertThat(queue.queued).isEmpty();
  }

  @Test
  void forceReplaysAReplayedLetterAgain() {
    DeadLetter letter = failedContactSync(ADA, "evt-1");
    replayer.replay(letter.id(), false);
    inbox.markProcessed(sequencesOf(ADA), "applied", NOW);
    queue.queued.clear();

    Outcome again = replayer.replay(letter.id(), true);

    assertThat(again).isInstanceOf(Outcome.Replayed.class);
    assertThat(inbox.listPending(ADA)).hasSize(1);
    assertThat(queue.queued).containsExactly(ADA);
  }

  @Test
  void aLetterWithoutEventsStillQueuesTheContactForAFreshPull() {
    DeadLetter letter =
        deadLetters.add(
            new DeadLetter(
                0, "action", ADA, List.of(), "issue-badge", "refused", 1, FAILED_AT, null));

    Outcome outcome = replayer.replay(letter.id(), false);

    assertThat(((Outcome.Replayed) outcome).eventsReopened()).isFalse();
    assertThat(queue.queued).containsExactly(ADA);
    assertThat(deadLetters.find(letter.id()).orElseThrow().replayedAt()).isEqualTo(NOW);
  }

  @Test
  void eventsThatAreNoLongerInTheInboxStillQueueTheContact() {
    DeadLetter letter =
        deadLetters.add(
            new DeadLetter(
                0,
                "contact-sync",
                ADA,
                List.of(new EventId("purged")),
                "sync of ada",
                "down",
                8,
                FAILED_AT,
                null));

    Outcome outcome = replayer.replay(letter.id(), false);

    assertThat(((Outcome.Replayed) outcome).eventsReopened()).isFalse();
    assertThat(queue.queued).containsExactly(ADA);
  }

  @Test
  void anUnknownIdIsNotFoundAndChangesNothing() {
    DeadLetter letter = failedContactSync(ADA, "evt-1");

    Outcome outcome = replayer.replay(letter.id() + 100, false);

    assertThat(outcome).isEqualTo(new Outcome.NotFound(letter.id() + 100));
    assertThat(queue.queued).isEmpty();
    assertThat(inbox.listPending(ADA)).isEmpty();
    assertThat(ledger.find(ADA, TEMPLATE)).map(Issuance::state).contains(Issuance.State.FAILED);
    assertThat(deadLetters.find(letter.id()).orElseThrow().replayedAt()).isNull();
  }

  @Test
  void replayAllReplaysOnlyTheLettersNotReplayedYetOldestFirst() {
    DeadLetter first = failedContactSync(ADA, "evt-1");
    DeadLetter second = failedContactSync(BOB, "evt-2");
    DeadLetter done = failedContactSync(new ContactId("cy"), "evt-3");
    replayer.replay(done.id(), false);
    queue.queued.clear();

    List<Outcome> outcomes = replayer.replayAll(false);

    assertThat(outcomes).extracting(Outcome::id).containsExactly(first.id(), second.id());
    assertThat(outcomes).allMatch(Outcome.Replayed.class::isInstance);
    assertThat(queue.queued).containsExactly(ADA, BOB);
    assertThat(deadLetters.listRecent(10)).allMatch(l -> l.replayedAt() != null);
  }

  @Test
  void replayAllWithNothingDueDoesNothing() {
    DeadLetter letter = failedContactSync(ADA, "evt-1");
    replayer.replay(letter.id(), false);
    queue.queued.clear();

    assertThat(replayer.replayAll(false)).isEmpty();
    assertThat(queue.queued).isEmpty();
  }

  @Test
  void eachContactWhoseEventsWereReopenedIsQueued() {
    DeadLetter letter = failedContactSync(ADA, "evt-1");
    append(BOB, "evt-bob");
    inbox.markProcessed(sequencesOf(BOB), "dead-lettered", FAILED_AT);
    DeadLetter both =
        deadLetters.add(
            new DeadLetter(
                0,
                "contact-sync",
                ADA,
                List.of(new EventId("evt-1"), new EventId("evt-bob")),
                "sync of ada",
                "down",
                8,
                FAILED_AT,
                null));

    replayer.replay(both.id(), false);

    assertThat(queue.queued).containsExactly(ADA, BOB);
    assertThat(inbox.listPending(BOB)).hasSize(1);
    assertThat(deadLetters.find(letter.id()).orElseThrow().replayedAt())
        .as("only the replayed letter is marked")
        .isNull();
  }

  /** A contact sync that failed for good: events processed, ledger and journal FAILED. */
  private DeadLetter failedContactSync(ContactId contact, String... eventIds) {
    for (String eventId : eventIds) {
      append(contact, eventId);
    }
    inbox.markProcessed(sequencesOf(contact), "dead-lettered", FAILED_AT);
    ledger.claim(contact, TEMPLATE, RULE, FAILED_AT);
    ledger.markFailed(contact, TEMPLATE, FAILED_AT);
    journal.claim(
        JournalEntry.pending(
            contact + "/note/1", contact, RULE, "ghl-add-note", "tag 'vip' added", FAILED_AT));
    journal.complete(contact + "/note/1", "done", "note-1", FAILED_AT);
    journal.claim(
        JournalEntry.pending(
            contact + "/task/1", contact, RULE, "ghl-add-task", "tag 'vip' added", FAILED_AT));
    journal.fail(contact + "/task/1", "HTTP 422", FAILED_AT);
    return deadLetters.add(
        new DeadLetter(
            0,
            "contact-sync",
            contact,
            List.of(eventIds).stream().map(EventId::new).toList(),
            "sync of " + contact,
            "HTTP 503",
            8,
            FAILED_AT,
            null));
  }

  private void append(ContactId contact, String eventId) {
    inbox.append(
        "ghl",
        new SyncEvent.ContactTagsUpdated(
            new EventId(eventId), contact, new LocationId("loc"), FAILED_AT),
        "{}",
        FAILED_AT);
  }

  private List<Long> sequencesOf(ContactId contact) {
    return inbox.listByContact(contact, 100).stream().map(ReceivedEvent::sequence).toList();
  }
}

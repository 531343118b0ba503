package io.ghlcredly.core.sync;

import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.DeadLetter;
import io.ghlcredly.core.port.ActionJournal;
import io.ghlcredly.core.port.DeadLetterStore;
import io.ghlcredly.core.port.EventInbox;
import io.ghlcredly.core.port.IssuanceLedger;
import io.ghlcredly.core.port.JobQueue;
import io.ghlcredly.core.port.SyncStateStore;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays dead letters: makes the contact's failed work runnable again and queues its sync job.
 *
 * <p>A replay releases the contact's FAILED ledger rows and journal entries (so the actions run
 * again), forgets the contact's snapshot (so that its rules fire as for a contact first seen; the
 * journal and the ledger skip what was done already), makes the dead letter's events pending again,
 * queues the sync of the contact (even when no event was reopened, so that a fresh pull happens)
 * and of any other contact whose events were reopened, and only then marks the dead letter
 * replayed: a replay that fails half-way can simply be run again. Replaying a replayed dead letter
 * does nothing unless forced. Thread-safe when the ports are.
 */
public final class DeadLetterReplayer {
  /** The most dead letters one {@link #replayAll} looks at. */
  static final int ALL_LIMIT = 10_000;

  private static final Logger log = LoggerFactory.getLogger(DeadLetterReplayer.class);

  private final DeadLetterStore deadLetters;
  private final EventInbox inbox;
  private final SyncStateStore state;
  private final IssuanceLedger ledger;
  private final ActionJournal journal;
  private final JobQueue queue;
  private final InstantSource clock;

  public DeadLetterReplayer(
      DeadLetterStore deadLetters,
      EventInbox inbox,
      SyncStateStore state,
      IssuanceLedger ledger,
      ActionJournal journal,
      JobQueue queue,
      InstantSource clock) {
    this.deadLetters = deadLetters;
    this.inbox = inbox;
    this.state = state;
    this.ledger = ledger;
    this.journal = journal;
    this.queue = queue;
    this.clock = clock;
  }

  /** What a replay did. */
  public sealed interface Outcome {
    long id();

    /**
     * The dead letter was replayed.
     *
     * @param deadLetter as it is now, with its replay time
     * @param releasedIssuances FAILED ledger rows made claimable again
     * @param releasedActions FAILED journal entries removed so that their actions run again
     * @param eventsReopened whether any of its events became pending again
     * @param queued the contacts whose sync job was queued (or was queued already)
     */
    record Replayed(
        DeadLetter deadLetter,
        int releasedIssuances,
        int releasedActions,
        boolean eventsReopened,
        List<ContactId> queued)
        implements Outcome {
      public Replayed {
        queued = List.copyOf(queued);
      }

      @Override
      public long id() {
        return deadLetter.id();
      }
    }

    /** The dead letter was replayed before and the replay was not forced; nothing changed. */
    record AlreadyReplayed(DeadLetter deadLetter) implements Outcome {
      @Override
      public long id() {
        return deadLetter.id();
      }
    }

    /** No dead letter has the id; nothing changed. */
    record NotFound(long id) implements Outcome {}
  }

  /**
   * Replays one dead letter.
   *
   * @param force replay even when it was replayed before
   */
  public Outcome replay(long id, boolean force) {
    return deadLetters
        .find(id)
        .<Outcome>map(letter -> replay(letter, force))
        .orElseGet(() -> new Outcome.NotFound(id));
  }

  /**
   * Replays every dead letter not replayed yet (with {@code force}, every dead letter), oldest
   * first; looks at the newest {@value #ALL_LIMIT} at most.
   */
  public List<Outcome> replayAll(boolean force) {
    List<DeadLetter> due =
        deadLetters.listRecent(ALL_LIMIT).stream()
            .filter(letter -> force || letter.replayedAt() == null)
            .sorted(Comparator.comparing(DeadLetter::createdAt).thenComparingLong(DeadLetter::id))
            .toList();
    List<Outcome> outcomes = new ArrayList<>(due.size());
    for (DeadLetter letter : due) {
      outcomes.add(replay(letter, force));
    }
    return outcomes;
  }

  private Outcome replay(DeadLetter letter, boolean force) {
    if (letter.replayedAt() != null && !force) {
      return new Outcome.AlreadyReplayed(letter);
    }
    ContactId contact = letter.contactId();
    Instant now = clock.instant();
    int releasedIssuances = ledger.releaseFailed(contact, now);
    int releasedActions = journal.releaseFailed(contact);
    state.forget(contact);
    List<ContactId> reopened =
        letter.eventIds().isEmpty() ? List.of() : inbox.reopen(letter.eventIds());
    Set<ContactId> toQueue = new LinkedHashSet<>();
    toQueue.add(contact);
    toQueue.addAll(reopened);
    for (ContactId each : toQueue) {
      queue.enqueueContactSync(each);
    }
    deadLetters.markReplayed(letter.id(), now);
    log.atInfo()
        .addKeyValue("deadLetterId", letter.id())
        .addKeyValue("contactId", contact)
        .addKeyValue("releasedIssuances", releasedIssuances)
        .addKeyValue("releasedActions", releasedActions)
        .addKeyValue("eventsReopened", !reopened.isEmpty())
        .addKeyValue("forced", letter.replayedAt() != null)
        .log("dead letter replayed");
    DeadLetter replayed =
        new DeadLetter(
            letter.id(),
            letter.kind(),
            contact,
            letter.eventIds(),
            letter.detail(),
            letter.cause(),
            letter.attempts(),
            letter.createdAt(),
            now);
    return new Outcome.Replayed(
        replayed, releasedIssuances, releasedActions, !reopened.isEmpty(), List.copyOf(toQueue));
  }
}

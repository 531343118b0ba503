package io.ghlcredly.core.sync;

import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.core.port.EventInbox;
import io.ghlcredly.core.port.IntakeStore;
import io.ghlcredly.core.port.JobQueue;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes an incoming event durable and queues its contact's sync job. The event is stored before
 * this returns, so a caller may answer 2xx as soon as it does. Thread-safe.
 *
 * <p>Given an {@link IntakeStore}, concurrent callers' events are stored by group commit: the
 * events that arrive while one batch commits are stored with their jobs in the next transaction, so
 * a burst of webhooks costs a few commits instead of two per event (issue 7: this is what lifted
 * webhook ingest). Otherwise each event is appended, then its job queued, one at a time.
 */
public final class EventIntake implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EventIntake.class);

  /** Events per transaction at most: enough to absorb bursts, small enough to keep each short. */
  static final int MAX_BATCH = 256;

  /**
   * Transactions in flight at once: while one commits, the next is written; more would only take
   * connections from the job workers.
   */
  static final int WRITERS = 2;

  /**
   * How long a caller waits for its batch at most: as long as one wait for a database connection,
   * and well below the time GHL waits for a webhook's answer (a 429 is resent, a timeout is not).
   */
  static final Duration MAX_WAIT = Duration.ofSeconds(5);

  private final @Nullable EventInbox inbox;
  private final @Nullable JobQueue queue;
  private final @Nullable GroupCommit<IntakeStore.Arrival, IntakeStore.Outcome> batches;
  private final SyncCounters counters;
  private final InstantSource clock;

  public EventIntake(EventInbox inbox, JobQueue queue, SyncCounters counters, InstantSource clock) {
    this.inbox = inbox;
    this.queue = queue;
    this.batches = null;
    this.counters = counters;
    this.clock = clock;
  }

  /** An intake that stores concurrent callers' events together (group commit). */
  public EventIntake(IntakeStore store, SyncCounters counters, InstantSource clock) {
    this.inbox = null;
    this.queue = null;
    this.batches = new GroupCommit<>(store::storeAndQueue, MAX_BATCH, WRITERS, MAX_WAIT);
    this.counters = counters;
    this.clock = clock;
  }

  /** Whether the event was new. */
  public enum Result {
    ACCEPTED,
    DUPLICATE
  }

  /**
   * Stores the event and queues its contact's job.
   *
   * @throws io.ghlcredly.core.error.StorageException when the event could not be stored
   */
  public Result accept(String source, SyncEvent event, String payload) {
    return acceptAll(source, List.of(event), payload).getFirst();
  }

  /**
   * Stores the events of one source (an import's page) and queues their contacts' jobs: with group
   * commit in as few transactions as the batch size allows, not one each.
   *
   * @return for each event, in order, whether it was new
   * @throws io.ghlcredly.core.error.StorageException when an event could not be stored (others may
   *     have been: storing them again finds them as duplicates)
   */
  public List<Result> acceptAll(String source, List<? extends SyncEvent> events, String payload) {
    GroupCommit<IntakeStore.Arrival, IntakeStore.Outcome> group = batches;
    if (group == null) {
      EventInbox oneByOne = Objects.requireNonNull(inbox);
      JobQueue jobs = Objects.requireNonNull(queue);
      return events.stream()
          .map(event -> acceptOneByOne(source, event, payload, oneByOne, jobs))
          .toList();
    }
    Instant now = clock.instant();
    List<IntakeStore.Outcome> outcomes =
        group.submitAll(
            events.stream()
                .map(event -> new IntakeStore.Arrival(source, event, payload, now))
                .toList());
    List<Result> results = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      SyncEvent event = events.get(i);
      IntakeStore.Outcome outcome = outcomes.get(i);
      if (outcome == IntakeStore.Outcome.DUPLICATE) {
        results.add(duplicate(source, event));
      } else {
        counters.eventAccepted(source, event);
        logAccepted(source, event, outcome == IntakeStore.Outcome.COALESCED);
        results.add(Result.ACCEPTED);
      }
    }
    return results;
  }

  private Result acceptOneByOne(
      String source, SyncEvent event, String payload, EventInbox inbox, JobQueue queue) {
    if (!inbox.append(source, event, payload, clock.instant())) {
      return duplicate(source, event);
    }
    counters.eventAccepted(source, event);
    try {
      boolean queued = queue.enqueueContactSync(event.contactId());
      logAccepted(source, event, !queued);
    } catch (RuntimeException e) {
      // The event is durable: the sweeper queues its contact later.
      log.atWarn()
          .addKeyValue("contactId", event.contactId())
          .addKeyValue("cause", e.toString())
          .log("event stored but not queued; the sweeper will queue it");
    }
    return Result.ACCEPTED;
  }

  /** Stops the group-commit writers, if any; later calls to {@link #accept} fail. */
  @Override
  public void close() {
    if (batches != null) {
      batches.close();
    }
  }

  private Result duplicate(String source, SyncEvent event) {
    counters.eventDuplicate(source, event);
    // DEBUG, as each accepted event: one line per webhook would drown the log of a busy account.
    log.atDebug()
        .addKeyValue("source", source)
        .addKeyValue("eventId", event.eventId())
        .log("duplicate event ignored");
    return Result.DUPLICATE;
  }

  private static void logAccepted(String source, SyncEvent event, boolean coalesced) {
    log.atDebug()
        .addKeyValue("source", source)
        .addKeyValue("eventId", event.eventId())
        .addKeyValue("type", event.type())
        .addKeyValue("contactId", event.contactId())
        .addKeyValue("coalesced", coalesced)
        .log("event accepted");
  }
}

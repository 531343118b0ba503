package io.ghlcredly.core.sync;

import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.ContactSnapshot;
import io.ghlcredly.core.model.ContactVersion;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.core.model.TaskVersion;
import io.ghlcredly.core.port.ContactChangeFeed;
import io.ghlcredly.core.port.CursorStore;
import io.ghlcredly.core.port.EventInbox;
import io.ghlcredly.core.port.SyncStateStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polling reconciliation: GHL retries a webhook only on 429, so a lost webhook means a lost change.
 * A pass asks the CRM for the contacts of a location changed since the saved cursor and feeds each
 * one not applied yet through the same {@link EventIntake} as webhooks.
 *
 * <p>Deduplication: a contact whose applied snapshot is as new as the polled version is skipped (a
 * webhook got there first), and event ids are derived from contact and version, so overlapping
 * passes are idempotent in the inbox. The cursor advances only after every event of the pass is
 * durable, so a crash mid-pass repeats work rather than losing it; a location's first pass saves
 * where it starts before it starts, for the same reason.
 *
 * <p>Tasks: GHL sends no event when a task is updated and does not resend a lost TaskComplete, so
 * the pass also lists the tasks of the location's recently active contacts (an event received
 * within the lookback) and reports each completed task whose completion the inbox does not hold
 * yet. Thread-safe.
 */
public final class Reconciler {
  /** The inbox source of events found by polling. */
  public static final String SOURCE = "ghl-poll";

  private static final String TASK_COMPLETED = "task.completed";

  private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

  private static final int ACTIVE_CONTACTS_PER_PASS = 500;

  private final ContactChangeFeed feed;
  private final EventInbox inbox;
  private final SyncStateStore state;
  private final CursorStore cursors;
  private final EventIntake intake;
  private final Duration lookback;
  private final InstantSource clock;

  /**
   * @param lookback how far back the first pass of a location (no cursor yet) looks, and how recent
   *     a contact's last event must be for the pass to look at its tasks
   */
  public Reconciler(
      ContactChangeFeed feed,
      EventInbox inbox,
      SyncStateStore state,
      CursorStore cursors,
      EventIntake intake,
      Duration lookback,
      InstantSource clock) {
    if (lookback.isNegative()) {
      throw new IllegalArgumentException("lookback must not be negative: " + lookback);
    }
    this.feed = feed;
    this.inbox = inbox;
    this.state = state;
    this.cursors = cursors;
    this.intake = intake;
    this.lookback = lookback;
    this.clock = clock;
  }

  /** The cursor name of a location. */
  public static String cursorName(LocationId location) {
    return "ghl-contacts:" + location;
  }

  /**
   * Runs one pass over the location; returns the number of events accepted (new to the inbox).
   *
   * @throws io.ghlcredly.core.error.ApiException when the CRM fails (the cursor is unchanged)
   */
  public int reconcile(LocationId location) {
    String name = cursorName(location);
    Instant since = cursors.find(name).map(Instant::parse).orElseGet(() -> anchor(name));
    Instant newest = since;
    int seen = 0;
    int accepted = 0;
    try (Stream<ContactVersion> changes = feed.changedSince(location, since)) {
      Iterator<ContactVersion> it = changes.iterator();
      while (it.hasNext()) {
        ContactVersion change = it.next();
        seen++;
        if (change.dateUpdated().isAfter(newest)) {
          newest = change.dateUpdated();
        }
        if (appliedAlready(change)) {
          continue;
        }
        if (intake.accept(SOURCE, event(location, change), "{}") == EventIntake.Result.ACCEPTED) {
          accepted++;
        }
      }
    }
    // Only now: every event of the pass is in the inbox.
    cursors.save(name, newest.toString());
    int completions = reconcileTasks(location);
    log.atInfo()
        .addKeyValue("locationId", location)
        .addKeyValue("changed", seen)
        .addKeyValue("accepted", accepted)
        .addKeyValue("taskCompletions", completions)
        .addKeyValue("cursor", newest)
        .log("reconciliation pass done");
    return accepted + completions;
  }

  /**
   * The start of a location's first pass, saved before the pass does anything: a first pass that
   * dies (a killed process) or starts late (its worker busy with a backlog) must not move the
   * window forward, or the changes between the first try and the first success would never be
   * looked at.
   */
  private Instant anchor(String name) {
    Instant since = clock.instant().minus(lookback);
    cursors.save(name, since.toString());
    return since;
  }

  private int reconcileTasks(LocationId location) {
    Instant activeSince = clock.instant().minus(lookback);
    int accepted = 0;
    for (ContactId contact :
        inbox.listContactsActiveSince(location, activeSince, ACTIVE_CONTACTS_PER_PASS)) {
      for (TaskVersion task : feed.tasks(location, contact)) {
        if (!task.completed() || inbox.containsSubject(TASK_COMPLETED, task.taskId())) {
          continue;
        }
        SyncEvent completed =
            new SyncEvent.TaskCompleted(
                new EventId("poll-task:" + task.taskId() + ":completed"),
                contact,
                location,
                clock.instant(),
                task.taskId(),
                task.title());
        if (intake.accept(SOURCE, completed, "{}") == EventIntake.Result.ACCEPTED) {
          accepted++;
        }
      }
    }
    return accepted;
  }

  private boolean appliedAlready(ContactVersion change) {
    Optional<Instant> applied = state.find(change.contactId()).map(ContactSnapshot::dateUpdated);
    return applied.isPresent() && !applied.get().isBefore(change.dateUpdated());
  }

  /** The contact itself when the feed carried it (no second read), else a change to pull. */
  private static SyncEvent event(LocationId location, ContactVersion change) {
    EventId id =
        new EventId("poll:" + change.contactId() + ":" + change.dateUpdated().toEpochMilli());
    Contact carried = change.contact();
    if (carried != null) {
      return new SyncEvent.ContactSeen(
          id, change.contactId(), location, change.dateUpdated(), carried);
    }
    return new SyncEvent.ContactUpdated(id, change.contactId(), location, change.dateUpdated());
  }
}

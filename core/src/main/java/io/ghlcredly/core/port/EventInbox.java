package io.ghlcredly.core.port;

import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.ReceivedEvent;
import io.ghlcredly.core.model.SyncEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Durable store of accepted events. An event is in the inbox before we answer its sender 2xx, and
 * stays pending until the sync job has applied it. Implementations are thread-safe.
 */
public interface EventInbox {
  /**
   * Stores an event unless one with the same source and event id exists.
   *
   * @param payload the raw body as received, kept for replay and diagnosis
   * @return true when stored, false when it was a duplicate
   */
  boolean append(String source, SyncEvent event, String payload, Instant receivedAt);

  /** Pending events of one contact in arrival order. */
  List<ReceivedEvent> listPending(ContactId contactId);

  /** Marks events as applied (or given up on) so they are not processed again. */
  void markProcessed(Collection<Long> sequences, String outcome, Instant processedAt);

  /** Contacts with a pending event received before the given instant: the sweeper's work list. */
  List<ContactId> listContactsWithPendingBefore(Instant receivedBefore, int limit);

  /**
   * Contacts of a location with an event received at or after {@code since}: the recently active.
   */
  List<ContactId> listContactsActiveSince(LocationId location, Instant since, int limit);

  /**
   * Whether an event of the type about the subject (a task or note id) was ever accepted, from any
   * source: how a poll avoids repeating what a webhook already reported.
   */
  boolean containsSubject(String eventType, String subjectId);

  /** The contact's events, processed or not, newest first: the inbound half of its audit trail. */
  List<ReceivedEvent> listByContact(ContactId contactId, int limit);

  /**
   * Makes processed events pending again (for a replay of their dead letter).
   *
   * @return the contacts whose events were reopened, for the caller to queue their jobs
   */
  List<ContactId> reopen(Collection<EventId> eventIds);

  /**
   * Keeps events that no workspace may apply (their location is in none): they are marked processed
   * with outcome {@link #HELD}, so no job picks them up again, and counted per location.
   *
   * @param location the location they come from; null for events without one (counted nowhere)
   */
  void hold(Collection<Long> sequences, @Nullable LocationId location, Instant heldAt);

  /**
   * Makes the location's held events pending again, now that a workspace serves it.
   *
   * @return the contacts whose events were released, for the caller to queue their jobs
   */
  List<ContactId> releaseHeld(LocationId location);

  /** The locations with held events, most events first. */
  List<HeldLocation> listHeld();

  /** The outcome of a held event. */
  String HELD = "held";

  /** Events held for a location that no workspace serves. */
  record HeldLocation(LocationId location, long events, Instant firstHeldAt, Instant lastHeldAt) {}

  /** How many events were ever accepted; for summaries and metrics. */
  long countAccepted();
}

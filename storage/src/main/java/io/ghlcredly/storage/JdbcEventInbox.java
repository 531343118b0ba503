package io.ghlcredly.storage;

import io.ghlcredly.core.error.StorageException;
import io.ghlcredly.core.model.BadgeState;
import io.ghlcredly.core.model.BadgeTemplateId;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.ReceivedEvent;
import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.core.port.EventInbox;
import io.ghlcredly.core.port.IntakeStore;
import io.ghlcredly.storage.internal.ContactJson;
import io.ghlcredly.storage.internal.SqlStates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The event inbox in table {@code event_inbox}. A duplicate (same source and event id) is refused
 * without an error that would abort a surrounding PostgreSQL transaction. A {@code contact.seen}
 * event keeps its contact as JSON in {@code contact_json}; the payload stays the caller's raw text.
 * Thread-safe.
 */
public final class JdbcEventInbox implements EventInbox {
  private static final String COLUMNS =
      "source, event_id, event_type, contact_id, location_id, occurred_at, received_at, payload,"
          + " badge_id, badge_template_id, badge_state, subject_id, subject_title, contact_json,"
          + " credly_organization_id";
  private static final String INSERT =
      "INSERT INTO event_inbox ("
          + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String SELECT = "SELECT sequence, " + COLUMNS + " FROM event_inbox";

  /** When an event was applied: a held one was not, so it counts as waiting in charts. */
  private static final String APPLIED_AT =
      "CASE WHEN outcome = '" + HELD + "' THEN NULL ELSE processed_at END AS processed_at";

  /** Event ids per reopen statement: well below any driver's limit on parameters. */
  private static final int REOPEN_CHUNK = 500;

  private final Database database;
  private final Jdbc jdbc;

  public JdbcEventInbox(Database database) {
    this.database = database;
    this.jdbc = new Jdbc(database);
  }

  @Override
  public boolean append(String source, SyncEvent event, String payload, Instant receivedAt) {
    @Nullable Object[] params = row(source, event, payload, receivedAt);
    return switch (database.dialect()) {
      // Waits for a concurrent insert of the same key, then does nothing: no error, no abort.
      case POSTGRESQL ->
          jdbc.update(INSERT + " ON CONFLICT (source, event_id) DO NOTHING", params) == 1;
      // H2 rolls back only the failed statement, so a caught duplicate leaves the transaction fine.
      case H2 -> insertCatchingDuplicate(params);
    };
  }

  /**
   * Appends several events in the caller's transaction; on PostgreSQL in one round trip (a JDBC
   * batch). A second event with the same source and id, in the batch or before it, is not stored.
   *
   * @return for each arrival, in order, whether it was stored
   */
  public boolean[] appendAll(List<IntakeStore.Arrival> arrivals) {
    boolean[] stored = new boolean[arrivals.size()];
    switch (database.dialect()) {
      case POSTGRESQL -> {
        List<@Nullable Object[]> rows = new ArrayList<>(arrivals.size());
        for (IntakeStore.Arrival arrival : arrivals) {
          rows.add(row(arrival.source(), arrival.event(), arrival.payload(), arrival.receivedAt()));
        }
        int[] counts =
            jdbc.batchCounts(INSERT + " ON CONFLICT (source, event_id) DO NOTHING", rows);
        for (int i = 0; i < stored.length; i++) {
          stored[i] = counts[i] == 1;
        }
      }
      // Embedded: a statement is a method call, not a round trip; a batch would stop at a
      // duplicate.
      case H2 -> {
        for (int i = 0; i < stored.length; i++) {
          IntakeStore.Arrival arrival = arrivals.get(i);
          stored[i] =
              append(arrival.source(), arrival.event(), arrival.payload(), arrival.receivedAt());
        }
      }
    }
    return stored;
  }

  private static @Nullable Object[] row(
      String source, SyncEvent event, String payload, Instant receivedAt) {
    SyncEvent.BadgeChanged badge = event instanceof SyncEvent.BadgeChanged b ? b : null;
    @Nullable Object[] params = {
      source,
      event.eventId().value(),
      event.type(),
      event.contactId().value(),
      locationOf(event),
      event.occurredAt(),
      receivedAt,
      payload,
      badge == null ? null : badge.badgeId(),
      badge == null ? null : badge.templateId().value(),
      badge == null ? null : badge.state().wireName(),
      subjectOf(event),
      event instanceof SyncEvent.TaskEvent task ? task.title() : null,
      event instanceof SyncEvent.ContactSeen seen ? ContactJson.encode(seen.contact()) : null,
      badge == null ? null : badge.organizationId()
    };
    return params;
  }

  private static @Nullable String locationOf(SyncEvent event) {
    return event instanceof SyncEvent.ContactEvent contact ? contact.locationId().value() : null;
  }

  /** The note or task a contact event is about; null for other events. */
  private static @Nullable String subjectOf(SyncEvent event) {
    return switch (event) {
      case SyncEvent.NoteEvent note -> note.noteId();
      case SyncEvent.TaskEvent task -> task.taskId();
      default -> null;
    };
  }

  private boolean insertCatchingDuplicate(@Nullable Object[] params) {
    try {
      return jdbc.update(INSERT, params) == 1;
    } catch (StorageException e) {
      if (SqlStates.isUniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public List<ReceivedEvent> listPending(ContactId contactId) {
    return jdbc.query(
        SELECT + " WHERE contact_id = ? AND processed_at IS NULL ORDER BY sequence",
        JdbcEventInbox::received,
        contactId.value());
  }

  @Override
  public List<ReceivedEvent> listByContact(ContactId contactId, int limit) {
    return jdbc.query(
        SELECT + " WHERE contact_id = ? ORDER BY sequence DESC LIMIT ?",
        JdbcEventInbox::received,
        contactId.value(),
        limit);
  }

  /**
   * Locks the processed events first, so that of two concurrent reopens of one event only one
   * reports its contact.
   */
  @Override
  public List<ContactId> reopen(Collection<EventId> eventIds) {
    List<String> ids = eventIds.stream().map(EventId::value).distinct().toList();
    Set<ContactId> contacts = new LinkedHashSet<>();
    for (int from = 0; from < ids.size(); from += REOPEN_CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + REOPEN_CHUNK));
      contacts.addAll(database.inTransaction(connection -> reopenChunk(chunk)));
    }
    return List.copyOf(contacts);
  }

  private List<ContactId> reopenChunk(List<String> eventIds) {
    String marks = String.join(", ", Collections.nCopies(eventIds.size(), "?"));
    List<Reopened> processed =
        jdbc.query(
            "SELECT sequence, contact_id FROM event_inbox WHERE event_id IN ("
                + marks
                + ") AND processed_at IS NOT NULL ORDER BY sequence FOR UPDATE",
            row ->
                new Reopened(row.getLong("sequence"), new ContactId(row.getString("contact_id"))),
            eventIds.toArray());
    List<@Nullable Object[]> rows = new ArrayList<>();
    for (Reopened event : processed) {
      rows.add(new Object[] {event.sequence()});
    }
    jdbc.batch(
        "UPDATE event_inbox SET processed_at = NULL, outcome = NULL WHERE sequence = ?", rows);
    return processed.stream().map(Reopened::contactId).distinct().toList();
  }

  private record Reopened(long sequence, ContactId contactId) {}

  @Override
  public void markProcessed(Collection<Long> sequences, String outcome, Instant processedAt) {
    List<@Nullable Object[]> rows = new ArrayList<>();
    for (Long sequence : sequences) {
      rows.add(new Object[] {processedAt, outcome, sequence});
    }
    jdbc.batch(
        "UPDATE event_inbox SET processed_at = ?, outcome = ? WHERE sequence = ?"
            + " AND processed_at IS NULL",
        rows);
  }

  @Override
  public void hold(Collection<Long> sequences, @Nullable LocationId location, Instant heldAt) {
    if (sequences.isEmpty()) {
      return;
    }
    database.inTransaction(
        connection -> {
          List<@Nullable Object[]> rows = new ArrayList<>();
          for (Long sequence : sequences) {
            rows.add(new Object[] {heldAt, HELD, sequence});
          }
          int held =
              jdbc.batch(
                  "UPDATE event_inbox SET processed_at = ?, outcome = ? WHERE sequence = ?"
                      + " AND processed_at IS NULL",
                  rows);
          if (location != null && held > 0) {
            countHeld(location, held, heldAt);
          }
          return Boolean.TRUE;
        });
  }

  /** Adds to the location's count; the row's key makes two instances' first holds one row. */
  private void countHeld(LocationId location, int held, Instant heldAt) {
    int updated =
        jdbc.update(
            "UPDATE held_location SET held_events = held_events + ?, last_held_at = ?"
                + " WHERE location_id = ?",
            held,
            heldAt,
            location.value());
    if (updated == 0) {
      String insert =
          "INSERT INTO held_location (location_id, held_events, first_held_at, last_held_at)"
              + " VALUES (?, ?, ?, ?)";
      switch (database.dialect()) {
        case POSTGRESQL ->
            jdbc.update(
                insert
                    + " ON CONFLICT (location_id) DO UPDATE SET held_events ="
                    + " held_location.held_events + EXCLUDED.held_events,"
                    + " last_held_at = EXCLUDED.last_held_at",
                location.value(),
                held,
                heldAt,
                heldAt);
        case H2 ->
            jdbc.update(
                "MERGE INTO held_location h USING (VALUES (CAST(? AS VARCHAR), CAST(? AS BIGINT),"
                    + " CAST(? AS TIMESTAMP WITH TIME ZONE))) AS n(location_id, held, at)"
                    + " ON h.location_id = n.location_id"
                    + " WHEN MATCHED THEN UPDATE SET held_events = h.held_events + n.held,"
                    + " last_held_at = n.at"
                    + " WHEN NOT MATCHED THEN INSERT (location_id, held_events, first_held_at,"
                    + " last_held_at) VALUES (n.location_id, n.held, n.at, n.at)",
                location.value(),
                held,
                heldAt);
      }
    }
  }

  @Override
  public List<ContactId> releaseHeld(LocationId location) {
    return database.inTransaction(
        connection -> {
          List<ContactId> contacts =
              jdbc.query(
                  "SELECT DISTINCT contact_id FROM event_inbox WHERE location_id = ?"
                      + " AND outcome = ?",
                  row -> new ContactId(row.getString("contact_id")),
                  location.value(),
                  HELD);
          jdbc.update(
              "UPDATE event_inbox SET processed_at = NULL, outcome = NULL"
                  + " WHERE location_id = ? AND outcome = ?",
              location.value(),
              HELD);
          jdbc.update("DELETE FROM held_location WHERE location_id = ?", location.value());
          return contacts;
        });
  }

  @Override
  public List<HeldLocation> listHeld() {
    return jdbc.query(
        "SELECT location_id, held_events, first_held_at, last_held_at FROM held_location"
            + " ORDER BY held_events DESC, location_id",
        row ->
            new HeldLocation(
                new LocationId(row.getString("location_id")),
                row.getLong("held_events"),
                Jdbc.instant(row, "first_held_at"),
                Jdbc.instant(row, "last_held_at")));
  }

  @Override
  public List<ContactId> listContactsWithPendingBefore(Instant receivedBefore, int limit) {
    return jdbc.query(
        "SELECT contact_id, MIN(sequence) AS first_sequence FROM event_inbox"
            + " WHERE processed_at IS NULL AND received_at < ?"
            + " GROUP BY contact_id ORDER BY first_sequence LIMIT ?",
        row -> new ContactId(row.getString("contact_id")),
        receivedBefore,
        limit);
  }

  @Override
  public List<ContactId> listContactsActiveSince(LocationId location, Instant since, int limit) {
    return jdbc.query(
        "SELECT DISTINCT contact_id FROM event_inbox"
            + " WHERE location_id = ? AND received_at >= ? ORDER BY contact_id LIMIT ?",
        row -> new ContactId(row.getString("contact_id")),
        location.value(),
        since,
        limit);
  }

  @Override
  public boolean containsSubject(String eventType, String subjectId) {
    return jdbc.queryLong(
            "SELECT COUNT(*) FROM event_inbox WHERE event_type = ? AND subject_id = ?",
            eventType,
            subjectId)
        > 0;
  }

  @Override
  public long countAccepted() {
    return jdbc.queryLong("SELECT COUNT(*) FROM event_inbox");
  }

  /** When the oldest event still pending arrived; empty when none is pending. For metrics. */
  public Optional<Instant> findOldestPendingReceivedAt() {
    return jdbc.queryOne(
        "SELECT received_at FROM event_inbox WHERE processed_at IS NULL"
            + " ORDER BY received_at LIMIT 1",
        row -> Jdbc.instant(row, "received_at"));
  }

  /** The raw body of an event as it was received, for replay and diagnosis. */
  public Optional<String> findPayload(long sequence) {
    return jdbc.queryOne(
        "SELECT payload FROM event_inbox WHERE sequence = ?",
        row -> row.getString("payload"),
        sequence);
  }

  /** Events not yet processed, of all contacts; for status pages and metrics. */
  public long countPending() {
    return jdbc.queryLong("SELECT COUNT(*) FROM event_inbox WHERE processed_at IS NULL");
  }

  /**
   * The newest events of all contacts, newest first, with when and how they were processed: the
   * operators' live feed.
   */
  public List<Entry> listRecent(int limit) {
    return jdbc.query(
        "SELECT sequence, processed_at, outcome, "
            + COLUMNS
            + " FROM event_inbox ORDER BY sequence DESC LIMIT ?",
        row ->
            new Entry(
                received(row), Jdbc.nullableInstant(row, "processed_at"), row.getString("outcome")),
        limit);
  }

  /** An event's location: its own, else (a Credly event) its contact's last known one. */
  private static final String EVENT_LOCATION =
      "COALESCE(e.location_id, (SELECT cs.location_id FROM contact_state cs"
          + " WHERE cs.contact_id = e.contact_id))";

  /** As {@link #listRecent(int)}, of the events whose location the filter covers. */
  public List<Entry> listRecent(int limit, LocationFilter filter) {
    if (filter.isAll()) {
      return listRecent(limit);
    }
    return jdbc.query(
        "SELECT sequence, processed_at, outcome, "
            + COLUMNS
            + " FROM event_inbox e WHERE "
            + filter.where(EVENT_LOCATION)
            + " ORDER BY sequence DESC LIMIT ?",
        row ->
            new Entry(
                received(row), Jdbc.nullableInstant(row, "processed_at"), row.getString("outcome")),
        filter.params(limit));
  }

  /** As {@link #listTimingsSince(Instant, int)}, of the events whose location the filter covers. */
  public List<Timing> listTimingsSince(Instant since, int limit, LocationFilter filter) {
    if (filter.isAll()) {
      return listTimingsSince(since, limit);
    }
    return jdbc.query(
        "SELECT received_at, "
            + APPLIED_AT
            + " FROM event_inbox e WHERE received_at >= ? AND "
            + filter.where(EVENT_LOCATION)
            + " ORDER BY received_at LIMIT ?",
        row ->
            new Timing(Jdbc.instant(row, "received_at"), Jdbc.nullableInstant(row, "processed_at")),
        prepend(since, filter.params(limit)));
  }

  /** As {@link #countPending()}, of the events whose location the filter covers. */
  public long countPending(LocationFilter filter) {
    if (filter.isAll()) {
      return countPending();
    }
    return jdbc.queryLong(
        "SELECT COUNT(*) FROM event_inbox e WHERE processed_at IS NULL AND "
            + filter.where(EVENT_LOCATION),
        filter.params());
  }

  /** As {@link #findOldestPendingReceivedAt()}, of the events whose location the filter covers. */
  public Optional<Instant> findOldestPendingReceivedAt(LocationFilter filter) {
    if (filter.isAll()) {
      return findOldestPendingReceivedAt();
    }
    return jdbc.queryOne(
            "SELECT MIN(received_at) AS oldest FROM event_inbox e WHERE processed_at IS NULL AND "
                + filter.where(EVENT_LOCATION),
            row -> Optional.ofNullable(Jdbc.nullableInstant(row, "oldest")),
            filter.params())
        .flatMap(found -> found);
  }

  private static @Nullable Object[] prepend(Object first, @Nullable Object[] rest) {
    @Nullable Object[] all = new Object[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  /**
   * When each event received at or after {@code since} arrived and was processed, oldest first, at
   * most {@code limit}: what throughput and latency charts are computed from.
   */
  public List<Timing> listTimingsSince(Instant since, int limit) {
    return jdbc.query(
        "SELECT received_at, "
            + APPLIED_AT
            + " FROM event_inbox WHERE received_at >= ?"
            + " ORDER BY received_at LIMIT ?",
        row ->
            new Timing(Jdbc.instant(row, "received_at"), Jdbc.nullableInstant(row, "processed_at")),
        since,
        limit);
  }

  /**
   * An event as the inbox holds it.
   *
   * @param processedAt null while pending
   * @param outcome what processing came to; null while pending
   */
  public record Entry(
      ReceivedEvent received, @Nullable Instant processedAt, @Nullable String outcome) {}

  /** When an event arrived and when it was processed (null while pending). */
  public record Timing(Instant receivedAt, @Nullable Instant processedAt) {}

  private static ReceivedEvent received(ResultSet row) throws SQLException {
    String type = row.getString("event_type");
    EventId eventId = new EventId(row.getString("event_id"));
    ContactId contactId = new ContactId(row.getString("contact_id"));
    Instant occurredAt = Jdbc.instant(row, "occurred_at");
    Optional<SyncEvent.BadgeChanged.Change> change = SyncEvent.BadgeChanged.changeOf(type);
    SyncEvent event =
        change.isPresent()
            ? new SyncEvent.BadgeChanged(
                eventId,
                contactId,
                occurredAt,
                change.get(),
                required(row, "badge_id", eventId),
                new BadgeTemplateId(required(row, "badge_template_id", eventId)),
                BadgeState.parse(required(row, "badge_state", eventId))
                    .orElseThrow(
                        () ->
                            new IllegalStateException(
                                "event " + eventId + " has an unknown badge state")),
                row.getString("credly_organization_id"))
            : event(
                type,
                new Subject(
                    eventId,
                    contactId,
                    new LocationId(required(row, "location_id", eventId)),
                    occurredAt),
                row);
    return new ReceivedEvent(
        row.getLong("sequence"), row.getString("source"), event, Jdbc.instant(row, "received_at"));
  }

  private static String required(ResultSet row, String column, EventId eventId)
      throws SQLException {
    String value = row.getString(column);
    if (value == null) {
      throw new IllegalStateException("event " + eventId + " in the inbox has no " + column);
    }
    return value;
  }

  /** What every GHL event of a contact has. */
  private record Subject(
      EventId eventId, ContactId contactId, LocationId locationId, Instant occurredAt) {}

  /** Rebuilds a contact event from the name that {@link SyncEvent#type()} gave it. */
  private static SyncEvent event(String type, Subject common, ResultSet row) throws SQLException {
    EventId id = common.eventId();
    ContactId contact = common.contactId();
    LocationId location = common.locationId();
    Instant at = common.occurredAt();
    return switch (type) {
      case "contact.created" -> new SyncEvent.ContactCreated(id, contact, location, at);
      case "contact.updated" -> new SyncEvent.ContactUpdated(id, contact, location, at);
      case "contact.tags-updated" -> new SyncEvent.ContactTagsUpdated(id, contact, location, at);
      case "contact.deleted" -> new SyncEvent.ContactDeleted(id, contact, location, at);
      case "contact.dnd-updated" -> new SyncEvent.ContactDndUpdated(id, contact, location, at);
      case SyncEvent.ContactSeen.TYPE ->
          new SyncEvent.ContactSeen(
              id, contact, location, at, ContactJson.decode(required(row, "contact_json", id)));
      case "note.created" ->
          new SyncEvent.NoteCreated(id, contact, location, at, required(row, "subject_id", id));
      case "note.updated" ->
          new SyncEvent.NoteUpdated(id, contact, location, at, required(row, "subject_id", id));
      case "note.deleted" ->
          new SyncEvent.NoteDeleted(id, contact, location, at, required(row, "subject_id", id));
      case "task.created" ->
          new SyncEvent.TaskCreated(
              id, contact, location, at, required(row, "subject_id", id), title(row));
      case "task.completed" ->
          new SyncEvent.TaskCompleted(
              id, contact, location, at, required(row, "subject_id", id), title(row));
      case "task.deleted" ->
          new SyncEvent.TaskDeleted(
              id, contact, location, at, required(row, "subject_id", id), title(row));
      default ->
          throw new IllegalStateException(
              "event " + id + " in the inbox has an unknown type: " + type);
    };
  }

  private static @Nullable String title(ResultSet row) throws SQLException {
    return row.getString("subject_title");
  }
}

package io.ghlcredly.storage;

import io.ghlcredly.core.error.NotFoundException;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.DeadLetter;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.port.DeadLetterStore;
import io.ghlcredly.storage.internal.JsonStringList;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Dead letters in table {@code dead_letter}; event ids as a JSON array. Thread-safe. */
public final class JdbcDeadLetterStore implements DeadLetterStore {
  private static final String SELECT =
      "SELECT id, kind, contact_id, event_ids, detail, cause, attempts, created_at, replayed_at"
          + " FROM dead_letter";

  private final Jdbc jdbc;

  public JdbcDeadLetterStore(Database database) {
    this.jdbc = new Jdbc(database);
  }

  @Override
  public DeadLetter add(DeadLetter deadLetter) {
    long id =
        jdbc.insertReturningId(
            "INSERT INTO dead_letter (kind, contact_id, event_ids, detail, cause, attempts,"
                + " created_at, replayed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            "id",
            deadLetter.kind(),
            deadLetter.contactId().value(),
            JsonStringList.encode(deadLetter.eventIds().stream().map(EventId::value).toList()),
            deadLetter.detail(),
            deadLetter.cause(),
            deadLetter.attempts(),
            deadLetter.createdAt(),
            deadLetter.replayedAt());
    return find(id).orElseThrow(() -> new IllegalStateException("dead letter " + id + " vanished"));
  }

  @Override
  public Optional<DeadLetter> find(long id) {
    return jdbc.queryOne(SELECT + " WHERE id = ?", JdbcDeadLetterStore::deadLetter, id);
  }

  @Override
  public List<DeadLetter> listRecent(int limit) {
    return jdbc.query(
        SELECT + " ORDER BY created_at DESC, id DESC LIMIT ?",
        JdbcDeadLetterStore::deadLetter,
        limit);
  }

  /** The newest dead letters of the contacts whose location the filter covers, newest first. */
  public List<DeadLetter> listRecent(int limit, LocationFilter filter) {
    if (filter.isAll()) {
      return listRecent(limit);
    }
    return jdbc.query(
        SELECT
            + " d WHERE "
            + filter.where(LocationFilter.CONTACT_LOCATION.formatted("d"))
            + " ORDER BY created_at DESC, id DESC LIMIT ?",
        JdbcDeadLetterStore::deadLetter,
        filter.params(limit));
  }

  /** A contact's newest dead letters, newest first. */
  public List<DeadLetter> listByContact(ContactId contactId, int limit) {
    return jdbc.query(
        SELECT + " WHERE contact_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
        JdbcDeadLetterStore::deadLetter,
        contactId.value(),
        limit);
  }

  @Override
  public void markReplayed(long id, Instant replayedAt) {
    int rows = jdbc.update("UPDATE dead_letter SET replayed_at = ? WHERE id = ?", replayedAt, id);
    if (rows == 0) {
      throw new NotFoundException("no dead letter " + id);
    }
  }

  @Override
  public long count() {
    return jdbc.queryLong("SELECT COUNT(*) FROM dead_letter");
  }

  private static DeadLetter deadLetter(ResultSet row) throws SQLException {
    return new DeadLetter(
        row.getLong("id"),
        row.getString("kind"),
        new ContactId(row.getString("contact_id")),
        JsonStringList.decode(row.getString("event_ids")).stream().map(EventId::new).toList(),
        row.getString("detail"),
        row.getString("cause"),
        row.getInt("attempts"),
        Jdbc.instant(row, "created_at"),
        Jdbc.nullableInstant(row, "replayed_at"));
  }
}

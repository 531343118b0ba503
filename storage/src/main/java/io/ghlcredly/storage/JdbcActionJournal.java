package io.ghlcredly.storage;

import io.ghlcredly.core.error.NotFoundException;
import io.ghlcredly.core.error.StorageException;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.JournalEntry;
import io.ghlcredly.core.model.RuleId;
import io.ghlcredly.core.port.ActionJournal;
import io.ghlcredly.storage.internal.SqlStates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The action journal in table {@code action_journal}, keyed by {@code action_key}. A claim inserts
 * the entry if absent and then reads it, so of any number of concurrent claims of one key, in one
 * process or several, exactly one is newly claimed; a duplicate never aborts a surrounding
 * PostgreSQL transaction. Entries are listed newest first (creation time, then insertion order).
 * Thread-safe.
 */
public final class JdbcActionJournal implements ActionJournal {
  private static final String COLUMNS =
      "action_key, contact_id, rule_id, action, reason, state, outcome, upstream_id, created_at,"
          + " updated_at";
  private static final String INSERT =
      "INSERT INTO action_journal (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String SELECT = "SELECT " + COLUMNS + " FROM action_journal";
  private static final String NEWEST_FIRST = " ORDER BY created_at DESC, sequence DESC LIMIT ?";

  private final Database database;
  private final Jdbc jdbc;

  public JdbcActionJournal(Database database) {
    this.database = database;
    this.jdbc = new Jdbc(database);
  }

  @Override
  public Claim claim(JournalEntry pending) {
    boolean inserted = insertIfAbsent(pending);
    JournalEntry entry =
        jdbc.queryOne(SELECT + " WHERE action_key = ?", JdbcActionJournal::entry, pending.key())
            .orElseThrow(
                () -> new IllegalStateException("journal entry " + pending.key() + " vanished"));
    return new Claim(entry, inserted);
  }

  private boolean insertIfAbsent(JournalEntry entry) {
    @Nullable Object[] params = {
      entry.key(),
      entry.contactId().value(),
      entry.ruleId().value(),
      entry.action(),
      entry.reason(),
      entry.state().name(),
      entry.outcome(),
      entry.upstreamId(),
      entry.createdAt(),
      entry.updatedAt()
    };
    return switch (database.dialect()) {
      // Waits for a concurrent insert of the same key, then does nothing: no error, no abort.
      case POSTGRESQL -> jdbc.update(INSERT + " ON CONFLICT (action_key) DO NOTHING", params) == 1;
      // H2 rolls back only the failed statement, so a caught duplicate leaves a transaction fine.
      case H2 -> {
        try {
          yield jdbc.update(INSERT, params) == 1;
        } catch (StorageException e) {
          if (SqlStates.isUniqueViolation(e)) {
            yield false;
          }
          throw e;
        }
      }
    };
  }

  @Override
  public void complete(String key, String outcome, @Nullable String upstreamId, Instant now) {
    finish(key, JournalEntry.State.DONE, outcome, upstreamId, now);
  }

  @Override
  public void fail(String key, String cause, Instant now) {
    finish(key, JournalEntry.State.FAILED, cause, null, now);
  }

  private void finish(
      String key,
      JournalEntry.State state,
      String outcome,
      @Nullable String upstreamId,
      Instant now) {
    int rows =
        jdbc.update(
            "UPDATE action_journal SET state = ?, outcome = ?, upstream_id = ?, updated_at = ?"
                + " WHERE action_key = ?",
            state.name(),
            outcome,
            upstreamId,
            now,
            key);
    if (rows == 0) {
      throw new NotFoundException("no journal entry " + key);
    }
  }

  @Override
  public int releaseFailed(ContactId contactId) {
    return jdbc.update(
        "DELETE FROM action_journal WHERE contact_id = ? AND state = ?",
        contactId.value(),
        JournalEntry.State.FAILED.name());
  }

  @Override
  public List<JournalEntry> listByContact(ContactId contactId, int limit) {
    return jdbc.query(
        SELECT + " WHERE contact_id = ?" + NEWEST_FIRST,
        JdbcActionJournal::entry,
        contactId.value(),
        limit);
  }

  /** The newest entries of the contacts whose location the filter covers, newest first. */
  public List<JournalEntry> listRecent(int limit, LocationFilter filter) {
    if (filter.isAll()) {
      return listRecent(limit);
    }
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM action_journal j WHERE "
            + filter.where(LocationFilter.CONTACT_LOCATION.formatted("j"))
            + NEWEST_FIRST,
        JdbcActionJournal::entry,
        filter.params(limit));
  }

  @Override
  public List<JournalEntry> listRecent(int limit) {
    return jdbc.query(SELECT + NEWEST_FIRST, JdbcActionJournal::entry, limit);
  }

  private static JournalEntry entry(ResultSet row) throws SQLException {
    return new JournalEntry(
        row.getString("action_key"),
        new ContactId(row.getString("contact_id")),
        new RuleId(row.getString("rule_id")),
        row.getString("action"),
        row.getString("reason"),
        JournalEntry.State.valueOf(row.getString("state")),
        row.getString("outcome"),
        row.getString("upstream_id"),
        Jdbc.instant(row, "created_at"),
        Jdbc.instant(row, "updated_at"));
  }
}

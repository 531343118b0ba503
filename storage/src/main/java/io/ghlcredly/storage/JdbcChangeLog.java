package io.ghlcredly.storage;

import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.port.ChangeLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The change log in table {@code change_log}. Thread-safe. */
public final class JdbcChangeLog implements ChangeLog {
  private final Jdbc jdbc;

  public JdbcChangeLog(Database database) {
    this.jdbc = new Jdbc(database);
  }

  @Override
  public void record(Change change) {
    ContactId contact = change.contactId();
    jdbc.update(
        "INSERT INTO change_log (changed_at, actor, action, subject, contact_id)"
            + " VALUES (?, ?, ?, ?, ?)",
        change.at(),
        change.actor(),
        change.action(),
        change.subject(),
        contact == null ? null : contact.value());
  }

  @Override
  public List<Change> listRecent(int limit) {
    return jdbc.query(
        "SELECT changed_at, actor, action, subject, contact_id FROM change_log"
            + " ORDER BY changed_at DESC, id DESC LIMIT ?",
        JdbcChangeLog::change,
        limit);
  }

  /**
   * The newest changes made on contacts whose location the filter covers, newest first; with {@link
   * LocationFilter#all()}, every change.
   */
  public List<Change> listRecent(int limit, LocationFilter filter) {
    if (filter.isAll()) {
      return listRecent(limit);
    }
    return jdbc.query(
        "SELECT changed_at, actor, action, subject, contact_id FROM change_log c"
            + " WHERE contact_id IS NOT NULL AND "
            + filter.where(LocationFilter.CONTACT_LOCATION.formatted("c"))
            + " ORDER BY changed_at DESC, id DESC LIMIT ?",
        JdbcChangeLog::change,
        filter.params(limit));
  }

  @Override
  public List<Change> listForContact(ContactId contactId, int limit) {
    return jdbc.query(
        "SELECT changed_at, actor, action, subject, contact_id FROM change_log"
            + " WHERE contact_id = ? ORDER BY changed_at, id LIMIT ?",
        JdbcChangeLog::change,
        contactId.value(),
        limit);
  }

  private static Change change(ResultSet row) throws SQLException {
    String contact = row.getString("contact_id");
    return new Change(
        Jdbc.instant(row, "changed_at"),
        row.getString("actor"),
        row.getString("action"),
        row.getString("subject"),
        contact == null ? null : new ContactId(contact));
  }
}

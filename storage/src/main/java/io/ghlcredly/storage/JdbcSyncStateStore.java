package io.ghlcredly.storage;

import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.ContactSnapshot;
import io.ghlcredly.core.port.SyncStateStore;
import io.ghlcredly.storage.internal.JsonStringList;
import java.util.HashSet;
import java.util.Optional;
import java.util.TreeSet;

/** Last applied contact snapshots in table {@code contact_state}; tags as JSON. Thread-safe. */
public final class JdbcSyncStateStore implements SyncStateStore {
  private final Database database;
  private final Jdbc jdbc;

  public JdbcSyncStateStore(Database database) {
    this.database = database;
    this.jdbc = new Jdbc(database);
  }

  @Override
  public Optional<ContactSnapshot> find(ContactId contactId) {
    return jdbc.queryOne(
        "SELECT tags, date_updated, applied_at FROM contact_state WHERE contact_id = ?",
        row ->
            new ContactSnapshot(
                contactId,
                new HashSet<>(JsonStringList.decode(row.getString("tags"))),
                Jdbc.nullableInstant(row, "date_updated"),
                Jdbc.instant(row, "applied_at")),
        contactId.value());
  }

  @Override
  public void save(ContactSnapshot snapshot) {
    String sql =
        switch (database.dialect()) {
          case POSTGRESQL ->
              "INSERT INTO contact_state (contact_id, tags, date_updated, applied_at)"
                  + " VALUES (?, ?, ?, ?) ON CONFLICT (contact_id) DO UPDATE SET"
                  + " tags = EXCLUDED.tags, date_updated = EXCLUDED.date_updated,"
                  + " applied_at = EXCLUDED.applied_at";
          case H2 ->
              "MERGE INTO contact_state (contact_id, tags, date_updated, applied_at)"
                  + " KEY (contact_id) VALUES (?, ?, ?, ?)";
        };
    jdbc.update(
        sql,
        snapshot.contactId().value(),
        JsonStringList.encode(new TreeSet<>(snapshot.tags())),
        snapshot.dateUpdated(),
        snapshot.appliedAt());
  }
}

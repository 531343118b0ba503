package io.ghlcredly.storage;

import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.ContactSnapshot;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.port.SyncStateStore;
import io.ghlcredly.storage.internal.Json;
import io.ghlcredly.storage.internal.JsonStringList;
import java.util.HashSet;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Last applied contact snapshots in table {@code contact_state}; tags as a JSON array, fields as a
 * JSON object of strings. Rows saved before fields were kept read back with no fields, no location
 * and no record digest. Thread-safe.
 */
public final class JdbcSyncStateStore implements SyncStateStore {
  private static final String COLUMNS =
      "contact_id, tags, date_updated, applied_at, location_id, fields, record_digest";

  private final Database database;
  private final Jdbc jdbc;

  public JdbcSyncStateStore(Database database) {
    this.database = database;
    this.jdbc = new Jdbc(database);
  }

  @Override
  public Optional<ContactSnapshot> find(ContactId contactId) {
    return jdbc.queryOne(
        "SELECT " + COLUMNS + " FROM contact_state WHERE contact_id = ?",
        row ->
            new ContactSnapshot(
                contactId,
                new HashSet<>(JsonStringList.decode(row.getString("tags"))),
                Jdbc.nullableInstant(row, "date_updated"),
                Jdbc.instant(row, "applied_at"),
                location(row.getString("location_id")),
                Json.parseStringMap(row.getString("fields")),
                row.getString("record_digest")),
        contactId.value());
  }

  /**
   * Where a contact belongs, for checking what an operator may see: its last applied snapshot's
   * location, else the location its events name; empty when neither is known.
   */
  public Optional<LocationId> findLocation(ContactId contactId) {
    return jdbc.queryOne(
            "SELECT "
                + LocationFilter.CONTACT_LOCATION.formatted("k")
                + " AS location_id FROM (SELECT CAST(? AS VARCHAR(200)) AS contact_id) k",
            row -> Optional.ofNullable(location(row.getString("location_id"))),
            contactId.value())
        .flatMap(found -> found);
  }

  private static @Nullable LocationId location(@Nullable String stored) {
    return stored == null ? null : new LocationId(stored);
  }

  @Override
  public void forget(ContactId contactId) {
    jdbc.update("DELETE FROM contact_state WHERE contact_id = ?", contactId.value());
  }

  @Override
  public void save(ContactSnapshot snapshot) {
    String sql =
        switch (database.dialect()) {
          case POSTGRESQL ->
              "INSERT INTO contact_state ("
                  + COLUMNS
                  + ") VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (contact_id) DO UPDATE SET"
                  + " tags = EXCLUDED.tags, date_updated = EXCLUDED.date_updated,"
                  + " applied_at = EXCLUDED.applied_at, location_id = EXCLUDED.location_id,"
                  + " fields = EXCLUDED.fields, record_digest = EXCLUDED.record_digest";
          case H2 ->
              "MERGE INTO contact_state ("
                  + COLUMNS
                  + ") KEY (contact_id) VALUES (?, ?, ?, ?, ?, ?, ?)";
        };
    LocationId location = snapshot.locationId();
    jdbc.update(
        sql,
        snapshot.contactId().value(),
        JsonStringList.encode(new TreeSet<>(snapshot.tags())),
        snapshot.dateUpdated(),
        snapshot.appliedAt(),
        location == null ? null : location.value(),
        Json.write(snapshot.fields()),
        snapshot.recordDigest());
  }
}

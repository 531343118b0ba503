package io.ghlcredly.storage;

import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.port.LocationNames;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Location names in table {@code location_name}. Thread-safe. */
public final class JdbcLocationNames implements LocationNames {
  private final Database database;
  private final Jdbc jdbc;

  public JdbcLocationNames(Database database) {
    this.database = database;
    this.jdbc = new Jdbc(database);
  }

  @Override
  public Optional<String> nameOf(LocationId location) {
    return jdbc.queryOne(
        "SELECT name FROM location_name WHERE location_id = ?",
        row -> row.getString("name"),
        location.value());
  }

  @Override
  public Map<LocationId, String> all() {
    Map<LocationId, String> names = new LinkedHashMap<>();
    jdbc.query(
            "SELECT location_id, name FROM location_name ORDER BY name",
            row -> Map.entry(new LocationId(row.getString("location_id")), row.getString("name")))
        .forEach(entry -> names.put(entry.getKey(), entry.getValue()));
    return names;
  }

  @Override
  public void save(LocationId location, String name, Instant fetchedAt) {
    database.inTransaction(
        connection -> {
          int updated =
              jdbc.update(
                  "UPDATE location_name SET name = ?, fetched_at = ? WHERE location_id = ?",
                  name,
                  fetchedAt,
                  location.value());
          if (updated == 0) {
            jdbc.update(
                "INSERT INTO location_name (location_id, name, fetched_at) VALUES (?, ?, ?)",
                location.value(),
                name,
                fetchedAt);
          }
          return Boolean.TRUE;
        });
  }
}

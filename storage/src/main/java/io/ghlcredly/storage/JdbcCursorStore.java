package io.ghlcredly.storage;

import io.ghlcredly.core.port.CursorStore;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Polling cursors in table {@code poll_cursor}, shared by every instance. Thread-safe. */
public final class JdbcCursorStore implements CursorStore {
  private final Database database;
  private final Jdbc jdbc;
  private final InstantSource clock;

  public JdbcCursorStore(Database database, InstantSource clock) {
    this.database = database;
    this.jdbc = new Jdbc(database);
    this.clock = clock;
  }

  @Override
  public Optional<String> find(String name) {
    return jdbc.queryOne(
        "SELECT position FROM poll_cursor WHERE name = ?", row -> row.getString("position"), name);
  }

  @Override
  public void save(String name, String position) {
    String sql =
        switch (database.dialect()) {
          case POSTGRESQL ->
              "INSERT INTO poll_cursor (name, position, updated_at) VALUES (?, ?, ?)"
                  + " ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position,"
                  + " updated_at = EXCLUDED.updated_at";
          case H2 ->
              "MERGE INTO poll_cursor (name, position, updated_at) KEY (name) VALUES (?, ?, ?)";
        };
    jdbc.update(sql, name, position, clock.instant());
  }

  /**
   * Every cursor whose name starts with the prefix, by name, with its position and when it was last
   * saved: what operators see of imports ({@code import:...}) and polls.
   */
  public Map<String, Saved> listByPrefix(String prefix) {
    String pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    List<Map.Entry<String, Saved>> rows =
        jdbc.query(
            "SELECT name, position, updated_at FROM poll_cursor WHERE name LIKE ? ESCAPE '\\'"
                + " ORDER BY name",
            row ->
                Map.entry(
                    row.getString("name"),
                    new Saved(row.getString("position"), Jdbc.instant(row, "updated_at"))),
            pattern);
    Map<String, Saved> cursors = new LinkedHashMap<>();
    rows.forEach(entry -> cursors.put(entry.getKey(), entry.getValue()));
    return cursors;
  }

  /** A cursor's position and when it was saved. */
  public record Saved(String position, Instant updatedAt) {}
}

package io.ghlcredly.storage;

import io.ghlcredly.core.port.CursorStore;
import java.time.InstantSource;
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
}

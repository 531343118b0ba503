package io.ghlcredly.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.ContactSnapshot;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.ReceivedEvent;
import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.core.port.AdminSessionStore;
import io.ghlcredly.storage.internal.H2Files;
import io.ghlcredly.storage.internal.Sha256;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Rows written before a migration read back after it, on each database. */
public abstract class SchemaUpgradeContract {
  private static final ContactId ANNA = new ContactId("contact-anna");
  private static final Instant T0 = Instant.parse("2026-03-08T06:59:58.123Z");

  /** Settings of a new, empty database. */
  protected abstract DatabaseSettings newSettings();

  @Test
  void rowsFromBeforeVersion7ReadBackWithTheNewFieldsEmpty() throws SQLException {
    DatabaseSettings settings = newSettings();
    migrateTo("6", settings);
    execute(
        settings,
        "INSERT INTO contact_state (contact_id, tags, date_updated, applied_at)"
            + " VALUES ('contact-anna', '[\"vip\"]', NULL, TIMESTAMP WITH TIME ZONE"
            + " '2026-03-08 06:59:58.123+00')",
        "INSERT INTO event_inbox (source, event_id, event_type, contact_id, location_id,"
            + " occurred_at, received_at, payload) VALUES ('ghl', 'e1', 'contact.updated',"
            + " 'contact-anna', 'location-1', TIMESTAMP WITH TIME ZONE '2026-03-08 06:59:58.123+00',"
            + " TIMESTAMP WITH TIME ZONE '2026-03-08 06:59:58.123+00', '{}')");

    try (Database database = Database.open(settings)) {
      assertThat(new JdbcSyncStateStore(database).find(ANNA))
          .contains(new ContactSnapshot(ANNA, Set.of("vip"), null, T0));
      assertThat(new JdbcEventInbox(database).listPending(ANNA))
          .extracting(ReceivedEvent::event)
          .containsExactly(
              new SyncEvent.ContactUpdated(
                  new EventId("e1"), ANNA, new LocationId("location-1"), T0));
    }
  }

  @Test
  void sessionsFromBeforeVersion10ReadBackAsSessionsOfTheAdminToken() throws SQLException {
    DatabaseSettings settings = newSettings();
    migrateTo("9", settings);
    execute(
        settings,
        "INSERT INTO admin_session (id_hash, csrf_token, created_at, last_seen) VALUES ('"
            + Sha256.hex("old-session")
            + "', 'csrf', TIMESTAMP WITH TIME ZONE '2026-03-08 06:59:58.123+00',"
            + " TIMESTAMP WITH TIME ZONE '2026-03-08 06:59:58.123+00')");

    try (Database database = Database.open(settings)) {
      assertThat(new JdbcAdminSessionStore(database).find("old-session"))
          .contains(new AdminSessionStore.StoredSession("csrf", null, T0, T0));
    }
  }

  private static void migrateTo(String version, DatabaseSettings settings) {
    try (HikariDataSource dataSource = dataSource(settings)) {
      Flyway.configure()
          .dataSource(dataSource)
          .locations(Dialect.fromJdbcUrl(settings.jdbcUrl()).migrationLocation())
          .target(version)
          .load()
          .migrate();
    }
  }

  private static void execute(DatabaseSettings settings, String... statements) throws SQLException {
    try (HikariDataSource dataSource = dataSource(settings);
        Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private static HikariDataSource dataSource(DatabaseSettings settings) {
    if (Dialect.fromJdbcUrl(settings.jdbcUrl()) == Dialect.H2) {
      H2Files.ensureParentFolder(settings.jdbcUrl());
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.jdbcUrl());
    config.setMaximumPoolSize(3);
    return new HikariDataSource(config);
  }
}

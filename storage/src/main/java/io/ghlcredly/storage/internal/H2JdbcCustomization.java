package io.ghlcredly.storage.internal;

import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * db-scheduler's timestamps on H2's TIMESTAMP WITH TIME ZONE, sent and read as UTC {@link
 * OffsetDateTime}. The default customization goes through {@code java.sql.Timestamp}: in its UTC
 * mode H2 stores instants shifted by the JVM zone's offset, and in local mode the hour after a
 * daylight-saving fall-back is ambiguous. Naming it also avoids db-scheduler's warning about an
 * unknown database.
 */
public final class H2JdbcCustomization extends DefaultJdbcCustomization {
  public H2JdbcCustomization() {
    super(true);
  }

  @Override
  public void setInstant(PreparedStatement statement, int index, @Nullable Instant value)
      throws SQLException {
    statement.setObject(
        index, value == null ? null : OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
  }

  @Override
  public @Nullable Instant getInstant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  @Override
  public String getName() {
    return "H2";
  }
}

package io.ghlcredly.storage;

import io.ghlcredly.core.model.OperatorId;
import io.ghlcredly.core.port.AdminSessionStore;
import io.ghlcredly.storage.internal.Sha256;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Dashboard sessions in table {@code admin_session}, keyed by the SHA-256 of the session id: a copy
 * of the table signs nobody in. Every instance on the database shares them. Thread-safe.
 */
public final class JdbcAdminSessionStore implements AdminSessionStore {
  private final Jdbc jdbc;

  public JdbcAdminSessionStore(Database database) {
    this.jdbc = new Jdbc(database);
  }

  @Override
  public void create(
      String sessionId, String csrfToken, @Nullable OperatorId operatorId, Instant now) {
    jdbc.update(
        "INSERT INTO admin_session (id_hash, csrf_token, operator_id, created_at, last_seen)"
            + " VALUES (?, ?, ?, ?, ?)",
        Sha256.hex(sessionId),
        csrfToken,
        operatorId == null ? null : operatorId.value(),
        now,
        now);
  }

  @Override
  public Optional<StoredSession> find(String sessionId) {
    return jdbc.queryOne(
        "SELECT csrf_token, operator_id, created_at, last_seen FROM admin_session"
            + " WHERE id_hash = ?",
        JdbcAdminSessionStore::session,
        Sha256.hex(sessionId));
  }

  @Override
  public void touch(String sessionId, Instant now) {
    // Never moves last_seen backwards when two instances touch the same session at once.
    jdbc.update(
        "UPDATE admin_session SET last_seen = ? WHERE id_hash = ? AND last_seen < ?",
        now,
        Sha256.hex(sessionId),
        now);
  }

  @Override
  public void delete(String sessionId) {
    jdbc.update("DELETE FROM admin_session WHERE id_hash = ?", Sha256.hex(sessionId));
  }

  @Override
  public int deleteForOperator(OperatorId operatorId) {
    return jdbc.update("DELETE FROM admin_session WHERE operator_id = ?", operatorId.value());
  }

  @Override
  public int deleteIdleSince(Instant before) {
    return jdbc.update("DELETE FROM admin_session WHERE last_seen < ?", before);
  }

  @Override
  public long count() {
    return jdbc.queryLong("SELECT COUNT(*) FROM admin_session");
  }

  private static StoredSession session(ResultSet row) throws SQLException {
    long operatorId = row.getLong("operator_id");
    boolean adminToken = row.wasNull();
    return new StoredSession(
        row.getString("csrf_token"),
        adminToken ? null : new OperatorId(operatorId),
        Jdbc.instant(row, "created_at"),
        Jdbc.instant(row, "last_seen"));
  }
}

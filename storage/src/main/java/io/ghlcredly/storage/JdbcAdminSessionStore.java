package io.ghlcredly.storage;

import io.ghlcredly.core.port.AdminSessionStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

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
  public void create(String sessionId, String csrfToken, Instant now) {
    jdbc.update(
        "INSERT INTO admin_session (id_hash, csrf_token, created_at, last_seen)"
            + " VALUES (?, ?, ?, ?)",
        hash(sessionId),
        csrfToken,
        now,
        now);
  }

  @Override
  public Optional<StoredSession> find(String sessionId) {
    return jdbc.queryOne(
        "SELECT csrf_token, last_seen FROM admin_session WHERE id_hash = ?",
        row -> new StoredSession(row.getString("csrf_token"), Jdbc.instant(row, "last_seen")),
        hash(sessionId));
  }

  @Override
  public void touch(String sessionId, Instant now) {
    // Never moves last_seen backwards when two instances touch the same session at once.
    jdbc.update(
        "UPDATE admin_session SET last_seen = ? WHERE id_hash = ? AND last_seen < ?",
        now,
        hash(sessionId),
        now);
  }

  @Override
  public void delete(String sessionId) {
    jdbc.update("DELETE FROM admin_session WHERE id_hash = ?", hash(sessionId));
  }

  @Override
  public int deleteIdleSince(Instant before) {
    return jdbc.update("DELETE FROM admin_session WHERE last_seen < ?", before);
  }

  @Override
  public long count() {
    return jdbc.queryLong("SELECT COUNT(*) FROM admin_session");
  }

  private static String hash(String sessionId) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(sessionId.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}

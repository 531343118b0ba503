package io.ghlcredly.storage;

import io.ghlcredly.core.port.OAuthStateStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * OAuth install states in table {@code oauth_state}, kept as SHA-256 hashes (the database never
 * holds a usable state). Consuming deletes the row, so a state works once, on any instance.
 * Thread-safe.
 */
public final class JdbcOAuthStateStore implements OAuthStateStore {
  private final Jdbc jdbc;

  public JdbcOAuthStateStore(Database database) {
    this.jdbc = new Jdbc(database);
  }

  @Override
  public void save(String state, Instant expiresAt) {
    jdbc.update(
        "INSERT INTO oauth_state (state_hash, expires_at) VALUES (?, ?)", hash(state), expiresAt);
  }

  @Override
  public boolean consume(String state, Instant now) {
    int used =
        jdbc.update(
            "DELETE FROM oauth_state WHERE state_hash = ? AND expires_at > ?", hash(state), now);
    jdbc.update("DELETE FROM oauth_state WHERE expires_at <= ?", now);
    return used == 1;
  }

  private static String hash(String state) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(state.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  @Override
  public int deleteExpired(Instant now) {
    return jdbc.update("DELETE FROM oauth_state WHERE expires_at <= ?", now);
  }
}

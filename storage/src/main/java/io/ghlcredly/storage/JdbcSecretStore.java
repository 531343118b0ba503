package io.ghlcredly.storage;

import io.ghlcredly.core.model.Secret;
import io.ghlcredly.core.port.SecretStore;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Secrets in table {@code secret}, encrypted with a {@link SecretCipher} whose associated data is
 * the secret's name. Thread-safe.
 */
public final class JdbcSecretStore implements SecretStore {
  private final Database database;
  private final Jdbc jdbc;
  private final SecretCipher cipher;
  private final InstantSource clock;

  public JdbcSecretStore(Database database, SecretCipher cipher, InstantSource clock) {
    this.database = database;
    this.jdbc = new Jdbc(database);
    this.cipher = cipher;
    this.clock = clock;
  }

  @Override
  public void put(String name, Secret secret) {
    byte[] ciphertext =
        cipher.encrypt(secret.reveal().getBytes(StandardCharsets.UTF_8), associatedData(name));
    String sql =
        switch (database.dialect()) {
          case POSTGRESQL ->
              "INSERT INTO secret (name, ciphertext, updated_at) VALUES (?, ?, ?)"
                  + " ON CONFLICT (name) DO UPDATE SET ciphertext = EXCLUDED.ciphertext,"
                  + " updated_at = EXCLUDED.updated_at";
          case H2 -> "MERGE INTO secret (name, ciphertext, updated_at) KEY (name) VALUES (?, ?, ?)";
        };
    jdbc.update(sql, name, ciphertext, clock.instant());
  }

  /**
   * Finds and decrypts a secret.
   *
   * @throws CipherException when the stored value cannot be decrypted with this key
   */
  @Override
  public Optional<Secret> find(String name) {
    return jdbc.queryOne(
            "SELECT ciphertext FROM secret WHERE name = ?", row -> row.getBytes("ciphertext"), name)
        .map(
            ciphertext ->
                Secret.of(
                    new String(
                        cipher.decrypt(ciphertext, associatedData(name)), StandardCharsets.UTF_8)));
  }

  @Override
  public void delete(String name) {
    jdbc.update("DELETE FROM secret WHERE name = ?", name);
  }

  private static byte[] associatedData(String name) {
    return ("secret:" + name).getBytes(StandardCharsets.UTF_8);
  }
}

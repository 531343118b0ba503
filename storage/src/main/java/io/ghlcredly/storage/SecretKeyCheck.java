package io.ghlcredly.storage;

import io.ghlcredly.core.error.ConfigException;
import io.ghlcredly.core.error.StorageException;
import io.ghlcredly.storage.internal.SqlStates;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Refuses an instance whose secret key is not the one the database's secrets were written with.
 * Instances that share a database must share the key (each one decrypts the OAuth tokens another
 * stored); one started with another key would fail on every token it reads, so it stops at once
 * with a clear reason instead. The first instance to start leaves a random value encrypted with its
 * key in table {@code secret}; every later start must decrypt it. Stateless.
 */
public final class SecretKeyCheck {
  /** The name of the check value in table {@code secret}. */
  public static final String NAME = "secret-key-check";

  private static final byte[] ASSOCIATED_DATA = ("secret:" + NAME).getBytes(StandardCharsets.UTF_8);

  private SecretKeyCheck() {}

  /**
   * Passes when the key decrypts the database's check value, writing one first if there is none.
   *
   * @throws ConfigException when the check value was written with another key
   */
  public static void verify(Database database, SecretCipher cipher, InstantSource clock) {
    Jdbc jdbc = new Jdbc(database);
    if (stored(jdbc).isEmpty()) {
      byte[] value = new byte[32];
      new SecureRandom().nextBytes(value);
      byte[] ciphertext =
          cipher.encrypt(
              HexFormat.of().formatHex(value).getBytes(StandardCharsets.UTF_8), ASSOCIATED_DATA);
      try {
        jdbc.update(
            "INSERT INTO secret (name, ciphertext, updated_at) VALUES (?, ?, ?)",
            NAME,
            ciphertext,
            clock.instant());
      } catch (StorageException e) {
        // Instances starting together: the first value landed, and every instance checks it.
        if (!SqlStates.isUniqueViolation(e)) {
          throw e;
        }
      }
    }
    byte[] ciphertext =
        stored(jdbc).orElseThrow(() -> new IllegalStateException("the key check value vanished"));
    try {
      cipher.decrypt(ciphertext, ASSOCIATED_DATA);
    } catch (CipherException e) {
      ConfigException problem =
          new ConfigException(
              "secrets",
              "this secret key is not the one the database's tokens were encrypted with; every"
                  + " instance on one database needs the same key (the same "
                  + SecretCipher.KEYSET_ENV
                  + " value or a copy of the same key file). Restore that key. If it is lost, the"
                  + " stored tokens are lost with it: empty the tables secret and oauth_account, then"
                  + " install the app again");
      problem.addSuppressed(e);
      throw problem;
    }
  }

  private static Optional<byte[]> stored(Jdbc jdbc) {
    return jdbc.queryOne(
        "SELECT ciphertext FROM secret WHERE name = ?", row -> row.getBytes("ciphertext"), NAME);
  }
}

package io.ghlcredly.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ghlcredly.core.error.ConfigException;
import io.ghlcredly.core.model.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link JdbcSecretStore} must do, on each database. */
public abstract class SecretStoreContract extends StoreFixture {
  private static final String TOKEN = "ghl-refresh-token-7f3a9c";
  private static final InstantSource CLOCK =
      InstantSource.fixed(Instant.parse("2026-05-05T05:05:05.505Z"));

  private final SecretCipher cipher = SecretCipher.generate();
  private JdbcSecretStore store;

  @BeforeEach
  void createStore() {
    store = new JdbcSecretStore(database, cipher, CLOCK);
  }

  @Test
  void returnsWhatWasPut() {
    store.put("ghl.refresh-token", Secret.of(TOKEN));

    assertThat(store.find("ghl.refresh-token").map(Secret::reveal)).contains(TOKEN);
    assertThat(store.find("credly.token")).isEmpty();
  }

  @Test
  void putReplacesAndDeleteRemoves() {
    store.put("ghl.refresh-token", Secret.of("first"));
    store.put("ghl.refresh-token", Secret.of("second"));

    assertThat(store.find("ghl.refresh-token").map(Secret::reveal)).contains("second");

    store.delete("ghl.refresh-token");
    assertThat(store.find("ghl.refresh-token")).isEmpty();
  }

  @Test
  void storesOnlyCiphertext() {
    store.put("ghl.refresh-token", Secret.of(TOKEN));

    byte[] raw = rawCiphertext("ghl.refresh-token");

    assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN);
    assertThat(raw.length).isGreaterThan(TOKEN.length());
  }

  @Test
  void aCiphertextMovedToAnotherNameDoesNotDecrypt() {
    store.put("ghl.refresh-token", Secret.of(TOKEN));
    store.put("credly.token", Secret.of("other"));
    byte[] stolen = rawCiphertext("ghl.refresh-token");

    new Jdbc(database)
        .update("UPDATE secret SET ciphertext = ? WHERE name = ?", stolen, "credly.token");

    assertThatThrownBy(() -> store.find("credly.token")).isInstanceOf(CipherException.class);
  }

  @Test
  void anotherKeyCannotReadTheSecrets() {
    store.put("ghl.refresh-token", Secret.of(TOKEN));

    JdbcSecretStore withOtherKey = new JdbcSecretStore(database, SecretCipher.generate(), CLOCK);

    assertThatThrownBy(() -> withOtherKey.find("ghl.refresh-token"))
        .isInstanceOf(CipherException.class)
        .hasMessageNotContaining(TOKEN);
  }

  private byte[] rawCiphertext(String name) {
    return new Jdbc(database)
        .queryOne("SELECT ciphertext FROM secret WHERE name = ?", row -> row.getBytes(1), name)
        .orElseThrow();
  }

  @Test
  void theKeyCheckPassesForTheKeyThatStartedFirstAndRefusesAnother() {
    SecretKeyCheck.verify(database, cipher, CLOCK);
    store.put("ghl.refresh-token", Secret.of(TOKEN));

    SecretKeyCheck.verify(database, cipher, CLOCK);
    assertThatThrownBy(() -> SecretKeyCheck.verify(database, SecretCipher.generate(), CLOCK))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("same key");
    assertThat(store.find("ghl.refresh-token").map(Secret::reveal)).contains(TOKEN);
  }
}

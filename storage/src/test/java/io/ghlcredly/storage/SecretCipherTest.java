package io.ghlcredly.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ghlcredly.core.error.ConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {
  private static final byte[] PLAIN = "client-secret-123".getBytes(StandardCharsets.UTF_8);
  private static final byte[] NAME = "credly.token".getBytes(StandardCharsets.UTF_8);

  @TempDir Path folder;

  @Test
  void createsAnOwnerOnlyKeyFileOnFirstRunAndReusesIt() throws Exception {
    Path keyFile = folder.resolve("keys").resolve("secret.key");

    byte[] ciphertext = SecretCipher.load(keyFile, null).encrypt(PLAIN, NAME);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
        .isEqualTo("rw-------");
    assertThat(SecretCipher.load(keyFile, null).decrypt(ciphertext, NAME)).isEqualTo(PLAIN);
  }

  @Test
  void aDifferentKeyCannotDecrypt() {
    byte[] ciphertext = SecretCipher.load(folder.resolve("a.key"), null).encrypt(PLAIN, NAME);

    SecretCipher other = SecretCipher.load(folder.resolve("b.key"), null);

    assertThatThrownBy(() -> other.decrypt(ciphertext, NAME)).isInstanceOf(CipherException.class);
  }

  @Test
  void otherAssociatedDataCannotDecrypt() {
    SecretCipher cipher = SecretCipher.generate();
    byte[] ciphertext = cipher.encrypt(PLAIN, NAME);

    assertThatThrownBy(
            () -> cipher.decrypt(ciphertext, "ghl.token".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(CipherException.class);
  }

  @Test
  void refusesAKeyFileThatOthersCanRead() throws Exception {
    Path keyFile = folder.resolve("secret.key");
    SecretCipher.load(keyFile, null);
    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> SecretCipher.load(keyFile, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("chmod 600");
  }

  @Test
  void prefersTheKeysetFromTheEnvironmentAsJsonOrBase64() {
    String json = SecretCipher.newKeysetJson();
    Path keyFile = folder.resolve("unused.key");
    byte[] ciphertext = SecretCipher.load(keyFile, json).encrypt(PLAIN, NAME);

    String base64 = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));

    assertThat(SecretCipher.load(keyFile, base64).decrypt(ciphertext, NAME)).isEqualTo(PLAIN);
    assertThat(keyFile).doesNotExist();
  }

  @Test
  void rejectsAnEnvironmentValueThatIsNoKeyset() {
    assertThatThrownBy(() -> SecretCipher.load(folder.resolve("k"), "not a key!"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(SecretCipher.KEYSET_ENV);
  }
}

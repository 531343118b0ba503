package io.ghlcredly.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ghlcredly.core.error.ConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
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
  void instancesStartingTogetherOnOneKeyFileShareOneKey() throws Exception {
    Path keyFile = folder.resolve("shared").resolve("secret.key");
    int instances = 8;
    CountDownLatch go = new CountDownLatch(1);
    List<Future<SecretCipher>> loaded = new ArrayList<>();
    try (ExecutorService starting = Executors.newFixedThreadPool(instances)) {
      for (int i = 0; i < instances; i++) {
        loaded.add(
            starting.submit(
                () -> {
                  go.await();
                  return SecretCipher.load(keyFile, null);
                }));
      }
      go.countDown();
      byte[] ciphertext = loaded.get(0).get().encrypt(PLAIN, NAME);

      for (Future<SecretCipher> cipher : loaded) {
        assertThat(cipher.get().decrypt(ciphertext, NAME)).isEqualTo(PLAIN);
      }
    }
    try (Stream<Path> files = Files.list(keyFile.getParent())) {
      assertThat(files).containsExactly(keyFile);
    }
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

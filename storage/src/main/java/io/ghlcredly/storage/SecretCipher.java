package io.ghlcredly.storage;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.ghlcredly.core.error.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticated encryption of secrets at rest with a Tink AES256-GCM keyset. The associated data
 * binds a ciphertext to its context (the secret's name), so that a ciphertext copied to another row
 * does not decrypt. Thread-safe.
 */
public final class SecretCipher {
  /** The environment variable that may hold the keyset instead of the key file. */
  public static final String KEYSET_ENV = "GCS_SECRET_KEY";

  private static final Logger log = LoggerFactory.getLogger(SecretCipher.class);
  private static final Set<PosixFilePermission> NOT_FOR_OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE);

  static {
    try {
      AeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Aead aead;

  private SecretCipher(KeysetHandle keyset) throws GeneralSecurityException {
    this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
  }

  /**
   * Loads the key: from {@code keysetFromEnv} when given (a Tink JSON keyset, or base64 of one),
   * else from the key file, which is created with owner-only permissions (rw-------) on first run.
   *
   * @throws ConfigException when the keyset is not valid, or the existing key file is open to group
   *     or others
   * @throws UncheckedIOException when the key file cannot be read or created
   */
  public static SecretCipher load(Path keyFile, @Nullable String keysetFromEnv) {
    if (keysetFromEnv != null && !keysetFromEnv.isBlank()) {
      return fromKeysetJson(KEYSET_ENV, decodeEnvKeyset(keysetFromEnv));
    }
    if (Files.exists(keyFile)) {
      return fromKeysetJson(keyFile.toString(), readKeyFile(keyFile));
    }
    try {
      String json = newKeysetJson();
      createKeyFile(keyFile, json);
      log.atInfo().addKeyValue("keyFile", keyFile).log("created a new secret key file");
      return fromKeysetJson(keyFile.toString(), json);
    } catch (FileAlreadyExistsException e) {
      // Another process created it first: use theirs.
      return fromKeysetJson(keyFile.toString(), readKeyFile(keyFile));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the secret key file " + keyFile, e);
    }
  }

  /** A cipher with a new random key that lives in memory only; for tests and tools. */
  public static SecretCipher generate() {
    return fromKeysetJson("generated", newKeysetJson());
  }

  /** A new AES256-GCM keyset in Tink's JSON format, as kept in the key file or the variable. */
  public static String newKeysetJson() {
    try {
      KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
      return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate an AES256-GCM key", e);
    }
  }

  public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
    try {
      return aead.encrypt(plaintext, associatedData);
    } catch (GeneralSecurityException e) {
      throw new CipherException("encryption failed", e);
    }
  }

  /**
   * Decrypts what {@link #encrypt} returned for the same associated data.
   *
   * @throws CipherException when the key is not the one that encrypted, the ciphertext was changed,
   *     or the associated data differs
   */
  public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
    try {
      return aead.decrypt(ciphertext, associatedData);
    } catch (GeneralSecurityException e) {
      throw new CipherException(
          "decryption failed: wrong key, or the ciphertext was changed or moved", e);
    }
  }

  private static SecretCipher fromKeysetJson(String source, String json) {
    try {
      return new SecretCipher(
          TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get()));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new ConfigException(source, "not a usable Tink AEAD keyset in JSON: " + e.getMessage());
    }
  }

  private static String decodeEnvKeyset(String value) {
    String trimmed = value.trim();
    if (trimmed.startsWith("{")) {
      return trimmed;
    }
    try {
      return new String(Base64.getMimeDecoder().decode(trimmed), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      ConfigException problem =
          new ConfigException(KEYSET_ENV, "neither a Tink JSON keyset nor base64 of one");
      problem.addSuppressed(e);
      throw problem;
    }
  }

  private static String readKeyFile(Path keyFile) {
    if (supportsPosix(keyFile)) {
      Set<PosixFilePermission> open;
      try {
        open = EnumSet.copyOf(Files.getPosixFilePermissions(keyFile));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the permissions of " + keyFile, e);
      }
      open.retainAll(NOT_FOR_OTHERS);
      if (!open.isEmpty()) {
        throw new ConfigException(
            keyFile.toString(),
            "the secret key file is open to group or others ("
                + open
                + "); make it owner-only: chmod 600 "
                + keyFile);
      }
    }
    try {
      return Files.readString(keyFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the secret key file " + keyFile, e);
    }
  }

  /**
   * Writes the key under a temporary name, then links it into place: instances starting together on
   * a shared volume see no key file or a complete one, never a half-written one, and exactly one of
   * them creates it (a link fails when the name exists).
   */
  private static void createKeyFile(Path keyFile, String json) throws IOException {
    Path parent = keyFile.toAbsolutePath().getParent();
    if (parent == null) {
      throw new IOException("the key file has no folder: " + keyFile);
    }
    Files.createDirectories(parent);
    Path temporary;
    if (supportsPosix(keyFile)) {
      // The permissions are set by the create call itself: no moment where others could read it.
      temporary =
          Files.createTempFile(
              parent,
              ".secret-key-",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      temporary = Files.createTempFile(parent, ".secret-key-", ".tmp");
      log.atWarn()
          .addKeyValue("keyFile", keyFile)
          .log("file system has no POSIX permissions; restrict access to the key file yourself");
    }
    try {
      Files.writeString(temporary, json, StandardCharsets.UTF_8);
      try {
        Files.createLink(keyFile, temporary);
      } catch (UnsupportedOperationException noLinks) {
        Files.move(temporary, keyFile); // refuses an existing key file too, if less strictly
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static boolean supportsPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}

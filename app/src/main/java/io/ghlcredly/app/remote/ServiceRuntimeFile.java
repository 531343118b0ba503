package io.ghlcredly.app.remote;

import io.ghlcredly.app.config.OperatorConfig;
import io.ghlcredly.app.config.ServerConfig;
import io.ghlcredly.app.config.StorageConfig;
import io.ghlcredly.storage.DatabaseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small file a running service keeps beside its data so that operator commands of the same
 * configuration find it: its process id, where its admin API answers, and which database it runs
 * on. Written (owner-only) once the HTTP server listens, removed at an orderly shutdown; a killed
 * service leaves it behind, which the process id tells.
 *
 * <p>Where: beside the embedded H2 database ({@code data/ghl-credly.service.json} for {@code
 * jdbc:h2:file:./data/ghl-credly}), whose file only one process can hold; for PostgreSQL in the
 * data folder, the folder of {@code secrets.key-file}, named after the database ({@code
 * data/ghl-credly-service-<id>.json}), since instances of several databases may share that folder.
 * Relative paths resolve against the working directory, as the database's own do.
 */
public final class ServiceRuntimeFile {
  private static final Logger log = LoggerFactory.getLogger(ServiceRuntimeFile.class);

  private ServiceRuntimeFile() {}

  /**
   * What the file says.
   *
   * @param adminUrl the base URL of the admin API ({@code /admin/api/...} below it) as seen from
   *     this machine
   * @param storage {@link #storageId} of the service's database
   */
  public record Entry(long pid, URI adminUrl, String storage, String instance, String startedAt) {}

  /** A published file; closing removes it when it still names this process. */
  public interface Published extends AutoCloseable {
    @Override
    void close();
  }

  /** Where the file of a configuration is. */
  public static Path location(OperatorConfig config) {
    Optional<Path> h2 = DatabaseSettings.embeddedFile(config.storage().url());
    if (h2.isPresent()) {
      Path database = h2.get().toAbsolutePath().normalize();
      return database.resolveSibling(database.getFileName() + ".service.json");
    }
    Path keyFile = config.secrets().keyFile().toAbsolutePath().normalize();
    Path folder = keyFile.getParent() == null ? keyFile : keyFile.getParent();
    return folder.resolve("ghl-credly-service-" + storageId(config.storage()) + ".json");
  }

  /**
   * An id of the database a configuration reaches, the same for every configuration that reaches
   * it: a hash of the embedded file's absolute path, or of the PostgreSQL URL (without secrets) and
   * user. Shows neither.
   */
  public static String storageId(StorageConfig storage) {
    String identity =
        DatabaseSettings.embeddedFile(storage.url())
            .map(path -> "h2:" + path.toAbsolutePath().normalize())
            .orElseGet(() -> storage.redactedUrl() + "|" + storage.username());
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * The admin API's base URL on this machine: the bind address, or the loopback address when the
   * service listens on every interface.
   */
  public static URI adminUrl(ServerConfig server, int port) {
    String host =
        switch (server.host()) {
          case "0.0.0.0" -> "127.0.0.1";
          case "::", "0:0:0:0:0:0:0:0" -> "[::1]";
          default -> server.host().contains(":") ? "[" + server.host() + "]" : server.host();
        };
    return URI.create("http://" + host + ":" + port);
  }

  /** Writes the file (owner-only); a failure is logged, never fatal: commands then probe. */
  public static Published publish(OperatorConfig config, Entry entry) {
    Path file = location(config);
    try {
      write(file, entry);
    } catch (IOException | UncheckedIOException e) {
      log.atWarn()
          .addKeyValue("file", file)
          .addKeyValue("cause", e.toString())
          .log("cannot write the service's runtime file; operator commands probe its port instead");
      return () -> {};
    }
    return () -> removeIfOurs(file, entry);
  }

  /** The file's entry; empty when there is none or it cannot be read. */
  public static Optional<Entry> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(OperatorWire.read(Files.readString(file), Entry.class));
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty();
    }
  }

  private static void write(Path file, Entry entry) throws IOException {
    Path folder = file.getParent();
    if (folder != null) {
      Files.createDirectories(folder);
    }
    Path temporary =
        posix()
            ? Files.createTempFile(
                folder,
                ".service-",
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
            : Files.createTempFile(folder, ".service-", ".tmp");
    try {
      Files.writeString(temporary, OperatorWire.write(entry) + "\n");
      try {
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Another instance of the same database may have written the file since: leave it theirs. */
  private static void removeIfOurs(Path file, Entry entry) {
    Entry now = read(file).orElse(null);
    if (now == null || !sameService(now, entry)) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.atWarn().addKeyValue("file", file).log("cannot remove the service's runtime file");
    }
  }

  private static boolean sameService(Entry one, @Nullable Entry other) {
    return other != null && one.pid() == other.pid() && one.adminUrl().equals(other.adminUrl());
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}

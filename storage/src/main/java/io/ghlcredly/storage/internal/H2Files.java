package io.ghlcredly.storage.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Finds the file behind an H2 URL, so that its folder can be created before H2 opens it. */
public final class H2Files {
  private static final String PREFIX = "jdbc:h2:";

  private H2Files() {}

  /**
   * The database file path of an embedded H2 URL ({@code jdbc:h2:file:/data/db}, {@code
   * jdbc:h2:./data/db}, {@code jdbc:h2:~/db}); empty for in-memory and server URLs.
   */
  public static Optional<Path> databasePath(String jdbcUrl) {
    if (!jdbcUrl.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return Optional.empty();
    }
    String rest = jdbcUrl.substring(PREFIX.length());
    int settings = rest.indexOf(';');
    if (settings >= 0) {
      rest = rest.substring(0, settings);
    }
    String lower = rest.toLowerCase(Locale.ROOT);
    if (lower.startsWith("mem:") || lower.startsWith("tcp:") || lower.startsWith("ssl:")) {
      return Optional.empty();
    }
    if (lower.startsWith("file:")) {
      rest = rest.substring("file:".length());
    }
    if (rest.isBlank()) {
      return Optional.empty();
    }
    if (rest.startsWith("~")) {
      rest = System.getProperty("user.home") + rest.substring(1);
    }
    return Optional.of(Path.of(rest));
  }

  /**
   * The URL with {@code DB_CLOSE_ON_EXIT=FALSE} unless it says otherwise: H2's own shutdown hook
   * would close the database under the service's orderly shutdown (running jobs finishing). H2
   * cannot combine that with {@code AUTO_SERVER}, so a second process cannot open the file while
   * the service holds it (operator commands need the service stopped, or PostgreSQL).
   */
  public static String withServiceDefaults(String jdbcUrl) {
    if (jdbcUrl.toUpperCase(Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) {
      return jdbcUrl;
    }
    return jdbcUrl + ";DB_CLOSE_ON_EXIT=FALSE";
  }

  /** Creates the folder that will hold the database file of an embedded H2 URL. */
  public static void ensureParentFolder(String jdbcUrl) {
    Optional<Path> path = databasePath(jdbcUrl);
    if (path.isEmpty()) {
      return;
    }
    Path parent = path.get().toAbsolutePath().getParent();
    if (parent == null) {
      return;
    }
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the database folder " + parent, e);
    }
  }
}

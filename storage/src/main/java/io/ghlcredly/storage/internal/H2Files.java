package io.ghlcredly.storage.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The embedded H2 database's URL: the file behind it (so that its folder can be created before H2
 * opens it) and the settings that keep acknowledged work when the process dies.
 */
public final class H2Files {
  private static final String PREFIX = "jdbc:h2:";
  private static final String WRITE_DELAY = "WRITE_DELAY";
  private static final String RETENTION_TIME = "RETENTION_TIME";

  /** An H2 file-system prefix such as {@code retry:} or {@code nio:}, not a Windows drive. */
  private static final Pattern FILE_SYSTEM = Pattern.compile("[A-Za-z][A-Za-z0-9]+:");

  /**
   * How long H2 keeps overwritten parts of its file: four times {@link H2Upkeep#SYNC_EVERY}, so
   * that what replaced them has been forced to disk before they are reused.
   */
  public static final Duration RETENTION = Duration.ofSeconds(4);

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
   * The URL with the settings the service needs from H2:
   *
   * <ul>
   *   <li>the {@code retry:} file system ({@link #retryingOnInterrupt}).
   *   <li>{@code WRITE_DELAY=0}: H2 writes a committed transaction to its file in a background
   *       thread up to 500 ms later by default, so a killed process loses commits it had reported
   *       done (acknowledged webhooks, journal and ledger claims). With 0, each commit is written
   *       to the file (the operating system's cache) before it returns.
   *   <li>{@code RETENTION_TIME} of {@link #RETENTION} unless the URL says otherwise: H2's 45 s
   *       default, with a chunk written per commit, makes the file grow by the size of every commit
   *       of the last 45 s under load; {@link H2Upkeep} forces the file to disk often enough for
   *       the shorter time to be safe.
   *   <li>{@code DB_CLOSE_ON_EXIT=FALSE} unless the URL says otherwise: H2's own shutdown hook
   *       would close the database under the service's orderly shutdown (running jobs finishing).
   *       H2 cannot combine that with {@code AUTO_SERVER}, so a second process cannot open the file
   *       while the service holds it (operator commands need the service stopped, or PostgreSQL).
   * </ul>
   *
   * @throws IllegalArgumentException for a URL whose own settings would lose acknowledged work
   */
  public static String withServiceDefaults(String jdbcUrl) {
    durabilityProblem(jdbcUrl)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(problem);
            });
    String url = retryingOnInterrupt(jdbcUrl);
    if (setting(jdbcUrl, WRITE_DELAY).isEmpty()) {
      url += ";" + WRITE_DELAY + "=0";
    }
    if (setting(jdbcUrl, RETENTION_TIME).isEmpty()) {
      url += ";" + RETENTION_TIME + "=" + RETENTION.toMillis();
    }
    if (setting(jdbcUrl, "DB_CLOSE_ON_EXIT").isEmpty()) {
      url += ";DB_CLOSE_ON_EXIT=FALSE";
    }
    return url;
  }

  /**
   * An embedded file URL with H2's {@code retry:} file system, unless the URL names a file system
   * itself. Java closes a file channel when a thread doing I/O on it is interrupted (a job stopped
   * at shutdown, a wait for rate budget cut short), and H2 then closes the whole database: with
   * each commit written by the committing thread ({@code WRITE_DELAY=0}) any interrupted worker
   * would. {@code retry:} reopens the file and repeats the operation (and clears the flag).
   */
  private static String retryingOnInterrupt(String jdbcUrl) {
    if (databasePath(jdbcUrl).isEmpty()) {
      return jdbcUrl;
    }
    int name = PREFIX.length();
    if (jdbcUrl.regionMatches(true, name, "file:", 0, "file:".length())) {
      name += "file:".length();
    }
    if (FILE_SYSTEM.matcher(jdbcUrl.substring(name)).lookingAt()) {
      return jdbcUrl;
    }
    return jdbcUrl.substring(0, name) + "retry:" + jdbcUrl.substring(name);
  }

  /**
   * What is wrong with an H2 URL whose settings would lose work the service reported done, or let a
   * second process write the same file; empty when nothing is.
   */
  public static Optional<String> durabilityProblem(String jdbcUrl) {
    Optional<String> writeDelay = setting(jdbcUrl, WRITE_DELAY);
    if (writeDelay.isPresent() && !writeDelay.get().strip().equals("0")) {
      return Optional.of(
          "WRITE_DELAY="
              + writeDelay.get()
              + " makes H2 write commits to its file that many milliseconds late, so a killed"
              + " process loses webhooks it answered 200 to; remove it (the service sets"
              + " WRITE_DELAY=0)");
    }
    Optional<String> fileLock = setting(jdbcUrl, "FILE_LOCK");
    if (fileLock.isPresent() && fileLock.get().strip().equalsIgnoreCase("NO")) {
      return Optional.of(
          "FILE_LOCK=NO lets two processes write one H2 file and corrupt it; remove it");
    }
    return Optional.empty();
  }

  /** The value of an H2 URL setting ({@code ;NAME=value}, name in any case). */
  private static Optional<String> setting(String jdbcUrl, String name) {
    String[] parts = jdbcUrl.split(";", -1);
    for (int index = 1; index < parts.length; index++) {
      int equals = parts[index].indexOf('=');
      if (equals > 0 && parts[index].substring(0, equals).strip().equalsIgnoreCase(name)) {
        return Optional.of(parts[index].substring(equals + 1));
      }
    }
    return Optional.empty();
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

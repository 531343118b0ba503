package io.ghlcredly.storage;

import io.ghlcredly.core.model.Secret;
import io.ghlcredly.storage.internal.H2Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where the database is and how to reach it.
 *
 * @param jdbcUrl {@code jdbc:h2:file:...} (embedded) or {@code jdbc:postgresql://...}
 * @param username null when the URL or the driver supplies it
 * @param password null when the URL or the driver supplies it, or none is needed
 * @param maxPoolSize the most connections the pool opens
 */
public record DatabaseSettings(
    String jdbcUrl, @Nullable String username, @Nullable Secret password, int maxPoolSize) {
  public DatabaseSettings {
    if (jdbcUrl == null || jdbcUrl.isBlank()) {
      throw new IllegalArgumentException("jdbcUrl must not be blank");
    }
    if (maxPoolSize < 1) {
      throw new IllegalArgumentException("maxPoolSize must be at least 1");
    }
  }

  /**
   * What is wrong with the URL's own settings for this service (an H2 URL that would lose
   * acknowledged work when the process dies); empty when nothing is. Names the setting, never the
   * rest of the URL.
   */
  public static Optional<String> urlProblem(String jdbcUrl) {
    return H2Files.durabilityProblem(jdbcUrl);
  }

  /**
   * The file of an embedded H2 database ({@code jdbc:h2:file:/data/db} is {@code /data/db}, to
   * which H2 adds {@code .mv.db}); empty for PostgreSQL and in-memory databases.
   */
  public static Optional<Path> embeddedFile(String jdbcUrl) {
    return H2Files.databasePath(jdbcUrl);
  }

  /** Settings with no credentials and a pool of ten. */
  public static DatabaseSettings of(String jdbcUrl) {
    return new DatabaseSettings(jdbcUrl, null, null, 10);
  }

  /** Without the URL's parameters, which may hold a password. */
  @Override
  public String toString() {
    return "DatabaseSettings[jdbcUrl="
        + redactedUrl()
        + ", username="
        + username
        + ", password="
        + (password == null ? "none" : "***")
        + ", maxPoolSize="
        + maxPoolSize
        + "]";
  }

  /** The URL without its query (PostgreSQL) or settings (H2) part; safe to log. */
  public String redactedUrl() {
    int cut = jdbcUrl.length();
    for (char separator : new char[] {'?', ';'}) {
      int at = jdbcUrl.indexOf(separator);
      if (at >= 0 && at < cut) {
        cut = at;
      }
    }
    return cut == jdbcUrl.length() ? jdbcUrl : jdbcUrl.substring(0, cut) + "…";
  }
}

package io.ghlcredly.storage;

import java.util.Locale;

/** The databases we support; SQL that differs between them is chosen by this. */
public enum Dialect {
  /** Embedded H2 in file mode: the single-instance default. */
  H2("jdbc:h2:", "h2"),
  /** PostgreSQL: for several instances sharing one database. */
  POSTGRESQL("jdbc:postgresql:", "postgresql");

  private final String urlPrefix;
  private final String migrationFolder;

  Dialect(String urlPrefix, String migrationFolder) {
    this.urlPrefix = urlPrefix;
    this.migrationFolder = migrationFolder;
  }

  /**
   * The dialect of a JDBC URL.
   *
   * @throws IllegalArgumentException naming the URL's scheme (never the whole URL, which may hold a
   *     password) when it is neither H2 nor PostgreSQL
   */
  public static Dialect fromJdbcUrl(String url) {
    String lower = url.trim().toLowerCase(Locale.ROOT);
    for (Dialect dialect : values()) {
      if (lower.startsWith(dialect.urlPrefix)) {
        return dialect;
      }
    }
    throw new IllegalArgumentException(
        "unsupported database URL scheme '"
            + scheme(lower)
            + "': expected jdbc:h2:file:... (embedded) or jdbc:postgresql://...");
  }

  /** The Flyway location holding this dialect's migrations. */
  public String migrationLocation() {
    return "classpath:db/migration/" + migrationFolder;
  }

  private static String scheme(String url) {
    int first = url.indexOf(':');
    if (first < 0) {
      return url.length() > 20 ? url.substring(0, 20) + "…" : url;
    }
    int second = url.indexOf(':', first + 1);
    return second < 0 ? url.substring(0, first) : url.substring(0, second);
  }
}

package io.ghlcredly.app.faults;

import io.ghlcredly.storage.TestDatabases;
import java.net.InetSocketAddress;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JDBC URLs of fresh PostgreSQL schemas, and the same URL through a local proxy. */
final class PostgresUrls {
  private static final Pattern URL =
      Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?(/.*)");

  private PostgresUrls() {}

  /** A new, empty schema on the test server; skips the test when there is no PostgreSQL. */
  static String freshSchema() {
    return TestDatabases.postgresSettings().jdbcUrl();
  }

  /** The server's address in the URL. */
  static InetSocketAddress server(String jdbcUrl) {
    Matcher matcher = matcher(jdbcUrl);
    String port = matcher.group(2);
    return new InetSocketAddress(matcher.group(1), port == null ? 5432 : Integer.parseInt(port));
  }

  /** The same database reached through {@code 127.0.0.1:port}. */
  static String through(String jdbcUrl, int port) {
    return "jdbc:postgresql://127.0.0.1:" + port + matcher(jdbcUrl).group(3);
  }

  private static Matcher matcher(String jdbcUrl) {
    Matcher matcher = URL.matcher(jdbcUrl);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
    }
    return matcher;
  }
}

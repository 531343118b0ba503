package io.ghlcredly.app.config;

import io.ghlcredly.core.model.Secret;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The database (YAML {@code storage:}): embedded H2 by default, PostgreSQL when several instances
 * share one.
 *
 * @param url JDBC URL
 * @param username database user; null when the URL or the driver default says it
 * @param password database password; null when none is needed
 * @param maxPoolSize connections in the pool
 */
public record StorageConfig(
    String url, @Nullable String username, @Nullable Secret password, int maxPoolSize) {
  public static final String DEFAULT_URL = "jdbc:h2:file:./data/ghl-credly";
  public static final int DEFAULT_MAX_POOL_SIZE = 10;

  // Users do put credentials into JDBC URLs; toString() must not show them.
  private static final Pattern URL_CREDENTIAL =
      Pattern.compile("(?i)((?:password|pwd|secret|token)=)[^&;]*");
  private static final Pattern URL_USER_INFO = Pattern.compile("(//[^/@:]*:)[^/@]*@");

  public StorageConfig {
    if (!url.startsWith("jdbc:")) {
      throw new IllegalArgumentException("url must be a JDBC URL (jdbc:...)");
    }
    if (username != null && username.isBlank()) {
      throw new IllegalArgumentException("username must not be blank");
    }
    if (maxPoolSize < 1) {
      throw new IllegalArgumentException("max-pool-size must be at least 1");
    }
  }

  /** Embedded H2 in {@code ./data}, no credentials, 10 connections. */
  public static StorageConfig defaults() {
    return new StorageConfig(DEFAULT_URL, null, null, DEFAULT_MAX_POOL_SIZE);
  }

  /** The URL with any password, token or user-info secret replaced by {@code ***}. */
  public String redactedUrl() {
    String redacted = URL_CREDENTIAL.matcher(url).replaceAll("$1***");
    return URL_USER_INFO.matcher(redacted).replaceAll("$1***@");
  }

  @Override
  public String toString() {
    return "StorageConfig[url="
        + redactedUrl()
        + ", username="
        + username
        + ", password="
        + password
        + ", maxPoolSize="
        + maxPoolSize
        + "]";
  }
}

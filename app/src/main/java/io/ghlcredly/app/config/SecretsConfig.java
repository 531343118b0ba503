package io.ghlcredly.app.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where the key that encrypts stored tokens comes from (YAML {@code secrets:}).
 *
 * @param keyFile the key file; created on first run with owner-only rights when missing
 * @param keyFromEnv name of an environment variable that, when set, holds the key and wins over the
 *     file; null to use the file only
 */
public record SecretsConfig(Path keyFile, @Nullable String keyFromEnv) {
  public static final Path DEFAULT_KEY_FILE = Path.of("./data/secret.key");
  public static final String DEFAULT_KEY_FROM_ENV = "GCS_SECRET_KEY";

  static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public SecretsConfig {
    Objects.requireNonNull(keyFile, "keyFile");
    if (keyFromEnv != null && !VARIABLE_NAME.matcher(keyFromEnv).matches()) {
      throw new IllegalArgumentException("key-from-env must be an environment variable name");
    }
  }

  /** {@code ./data/secret.key}, or the key in {@code GCS_SECRET_KEY} when that is set. */
  public static SecretsConfig defaults() {
    return new SecretsConfig(DEFAULT_KEY_FILE, DEFAULT_KEY_FROM_ENV);
  }
}

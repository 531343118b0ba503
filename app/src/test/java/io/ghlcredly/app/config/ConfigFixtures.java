package io.ghlcredly.app.config;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Sample files under {@code src/test/resources/config} and environments for them. */
final class ConfigFixtures {
  static final String ADMIN_TOKEN = "kQ7vX2mPq8LrT4wYb7NcF1hJd6GaE0uZs3o5iRlW";
  static final String DB_PASSWORD = "db-password-42c1";
  static final String GHL_TOKEN = "pit-ghl-token-9b8a";
  static final String CREDLY_TOKEN = "credly-env-token-e2f0";
  static final String CREDLY_FILE_TOKEN = "file-credly-token-7f3a9c";
  static final String GHL_CLIENT_SECRET = "ghl-client-secret-5d1e";

  private ConfigFixtures() {}

  static Path resource(String name) {
    URL url =
        Objects.requireNonNull(
            ConfigFixtures.class.getResource("/config/" + name), "missing resource " + name);
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What valid.yaml refers to. */
  static Map<String, String> validEnv() {
    Map<String, String> env = new HashMap<>();
    env.put("ADMIN_TOKEN", ADMIN_TOKEN);
    env.put("DB_USER", "sync");
    env.put("DB_PASSWORD", DB_PASSWORD);
    env.put("GHL_CLIENT_ID", "client-id-1");
    env.put("SECRETS_DIR", resource("secrets").toString());
    return env;
  }

  /** What minimal.yaml refers to. */
  static Map<String, String> minimalEnv() {
    return Map.of("GHL_TOKEN", GHL_TOKEN, "CREDLY_TOKEN", CREDLY_TOKEN);
  }

  static Map<String, String> with(Map<String, String> env, String name, String value) {
    Map<String, String> copy = new HashMap<>(env);
    copy.put(name, value);
    return copy;
  }

  static Path write(Path directory, String yaml) throws IOException {
    Path file = Files.createTempFile(directory, "config", ".yaml");
    Files.writeString(file, yaml);
    return file;
  }

  /** A valid minimal file followed by {@code extra} YAML (for rules and extra sections). */
  static Path minimalPlus(Path directory, String extra) throws IOException {
    return write(directory, Files.readString(resource("minimal.yaml")) + extra);
  }
}

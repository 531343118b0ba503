package io.ghlcredly.app.cli;

import io.ghlcredly.app.config.AppConfig;
import io.ghlcredly.app.config.ConfigLoader;
import io.ghlcredly.app.config.OperatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The configuration file a command reads: {@code -c FILE}, else {@code $GCS_CONFIG}, else {@code
 * ./ghl-credly.yaml}. A missing file is explained: which file was looked for, why that one, and how
 * to name another or write one.
 *
 * @param origin how the file was chosen, for the message: {@code given with -c}, {@code from
 *     GCS_CONFIG} or {@code the default}
 */
record ConfigFile(Path path, String origin, Map<String, String> env) {
  static final String VARIABLE = "GCS_CONFIG";
  static final String DEFAULT = "ghl-credly.yaml";

  /** The example to start from, in the repository and in a release. */
  static final String EXAMPLE = "deploy/ghl-credly.example.yaml";

  static final String OPTION_HELP =
      "Configuration file (default: $GCS_CONFIG or ./ghl-credly.yaml).";

  ConfigFile {
    env = Map.copyOf(env);
  }

  /**
   * The file for the {@code -c} option's value (null when not given) and the process's environment.
   */
  static ConfigFile of(@Nullable Path option) {
    return of(option, System.getenv());
  }

  static ConfigFile of(@Nullable Path option, Map<String, String> env) {
    if (option != null) {
      return new ConfigFile(option, "given with -c", env);
    }
    String fromEnvironment = env.get(VARIABLE);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return new ConfigFile(Path.of(fromEnvironment), "from " + VARIABLE, env);
    }
    return new ConfigFile(Path.of(DEFAULT), "./" + DEFAULT + ", the default", env);
  }

  /**
   * The whole configuration.
   *
   * @throws Missing when there is no such file
   * @throws io.ghlcredly.core.error.ConfigException when it is invalid
   */
  AppConfig load() {
    requireExists();
    return ConfigLoader.load(path, env);
  }

  /** What commands that read only our own data need; no GHL or Credly secret is read. */
  OperatorConfig loadOperatorConfig() {
    requireExists();
    return ConfigLoader.loadOperatorConfig(path, env);
  }

  void requireExists() {
    if (!Files.exists(path)) {
      throw new Missing(
          "no configuration file at "
              + path.toAbsolutePath().normalize()
              + " ("
              + origin
              + ")\n  name the file with -c FILE or the "
              + VARIABLE
              + " environment variable, or write one starting from the example "
              + EXAMPLE
              + "\n  (every key is in the README's \"Configuration reference\"; `ghl-credly demo`"
              + " runs without one)");
    }
  }

  /** The configuration file does not exist: a usage matter (exit 2). */
  static final class Missing extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Missing(String message) {
      super(message);
    }
  }
}

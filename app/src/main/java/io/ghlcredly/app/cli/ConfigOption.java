package io.ghlcredly.app.cli;

import io.ghlcredly.app.config.AppConfig;
import io.ghlcredly.app.config.ConfigLoader;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/** The {@code -c/--config FILE} option of commands that read the configuration. */
final class ConfigOption {
  @CommandLine.Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "Configuration file (default: $GCS_CONFIG or ./ghl-credly.yaml).")
  @Nullable Path config;

  /**
   * Loads and validates the configuration.
   *
   * @throws io.ghlcredly.core.error.ConfigException when it is missing or invalid
   */
  AppConfig load() {
    Path file =
        config != null
            ? config
            : Path.of(System.getenv().getOrDefault("GCS_CONFIG", "ghl-credly.yaml"));
    return ConfigLoader.load(file, System.getenv());
  }
}

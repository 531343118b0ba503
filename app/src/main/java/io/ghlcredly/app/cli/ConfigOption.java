package io.ghlcredly.app.cli;

import io.ghlcredly.app.config.AppConfig;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/** The {@code -c/--config FILE} option of commands that read the configuration. */
final class ConfigOption {
  @CommandLine.Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = ConfigFile.OPTION_HELP)
  @Nullable Path config;

  /** The file named by the option, {@code $GCS_CONFIG} or the default. */
  ConfigFile file() {
    return ConfigFile.of(config);
  }

  /**
   * Loads and validates the whole configuration.
   *
   * @throws io.ghlcredly.core.error.ConfigException when it is invalid
   * @throws ConfigFile.Missing when there is no such file
   */
  AppConfig load() {
    return file().load();
  }
}

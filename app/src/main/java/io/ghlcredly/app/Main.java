package io.ghlcredly.app;

import io.ghlcredly.app.cli.RootCommand;
import org.jspecify.annotations.Nullable;

/** Entry point of the {@code ghl-credly} launcher. */
public final class Main {
  private static final String LOGBACK_CONFIG = "logback.configurationFile";

  private Main() {}

  /** Picks the JSON log layout before the first logger exists, when GCS_LOG_FORMAT=json. */
  private static void selectLogFormat(@Nullable String format) {
    if ("json".equalsIgnoreCase(format) && System.getProperty(LOGBACK_CONFIG) == null) {
      System.setProperty(LOGBACK_CONFIG, "logback-json.xml");
    }
  }

  public static void main(String[] args) {
    selectLogFormat(System.getenv("GCS_LOG_FORMAT"));
    System.exit(RootCommand.commandLine().execute(args));
  }
}

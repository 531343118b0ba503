package io.ghlcredly.app;

import io.ghlcredly.app.cli.RootCommand;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Entry point of the {@code ghl-credly} launcher. */
public final class Main {
  private static final String LOGBACK_CONFIG = "logback.configurationFile";
  private static final String LOG_FORMAT_OPTION = "--log-format";

  private Main() {}

  public static void main(String[] args) {
    String format = logFormat(args, System.getenv("GCS_LOG_FORMAT"));
    if (!format.equals("text") && !format.equals("json")) {
      System.err.println(
          "--log-format (or GCS_LOG_FORMAT) must be text or json, got '" + format + "'");
      System.exit(2);
    }
    selectLogFormat(format);
    System.exit(RootCommand.commandLine().execute(args));
  }

  /**
   * The log format asked for: {@code --log-format} wins over {@code GCS_LOG_FORMAT}; text by
   * default. Read here, before picocli runs, because logback configures itself when the first
   * logger is created, which may happen while commands are being built.
   */
  static String logFormat(String[] args, @Nullable String fromEnvironment) {
    String format = fromEnvironment == null || fromEnvironment.isBlank() ? "text" : fromEnvironment;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--")) {
        break;
      }
      if (arg.equals(LOG_FORMAT_OPTION) && i + 1 < args.length) {
        format = args[++i];
      } else if (arg.startsWith(LOG_FORMAT_OPTION + "=")) {
        format = arg.substring(LOG_FORMAT_OPTION.length() + 1);
      }
    }
    return format.strip().toLowerCase(Locale.ROOT);
  }

  /** Picks the JSON layout unless a logback configuration was named explicitly. */
  private static void selectLogFormat(String format) {
    if (format.equals("json") && System.getProperty(LOGBACK_CONFIG) == null) {
      System.setProperty(LOGBACK_CONFIG, "logback-json.xml");
    }
  }
}

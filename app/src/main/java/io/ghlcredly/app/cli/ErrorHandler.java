package io.ghlcredly.app.cli;

import io.ghlcredly.app.remote.ServiceLocator;
import io.ghlcredly.core.error.ConfigException;
import java.net.BindException;
import picocli.CommandLine;

/**
 * Prints a failed command's error as one readable message instead of a stack trace: the message and
 * those of its causes ({@code cannot listen on 0.0.0.0:8080: Address already in use}).
 * Configuration errors (an invalid or missing file, a running service the command cannot use) exit
 * 2, like usage errors; anything else exits 1.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  static final int CONFIG_ERROR = 2;

  @Override
  public int handleExecutionException(
      Exception failure, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    commandLine
        .getErr()
        .println(commandLine.getColorScheme().errorText("error: " + message(failure)));
    return failure instanceof ConfigException
            || failure instanceof ConfigFile.Missing
            || failure instanceof ServiceLocator.ServiceAccessException
        ? CONFIG_ERROR
        : 1;
  }

  /**
   * The failure's message followed by each cause's that it does not already contain; a port that is
   * taken also says what to do.
   */
  static String message(Throwable failure) {
    StringBuilder text = new StringBuilder();
    boolean portTaken = false;
    int depth = 0;
    for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause()) {
      depth++;
      portTaken |= cause instanceof BindException;
      String message = cause.getMessage();
      if (message == null || message.isBlank() || text.toString().contains(message.strip())) {
        continue;
      }
      if (!text.isEmpty()) {
        text.append(": ");
      }
      text.append(message.strip());
    }
    if (text.isEmpty()) {
      text.append(failure.getClass().getSimpleName());
    }
    if (portTaken) {
      text.append(
          " (another process listens there: stop it, or set server.port, server.management-port"
              + " or server.host in the configuration)");
    }
    return text.toString();
  }
}

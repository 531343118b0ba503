package io.ghlcredly.app.cli;

import io.ghlcredly.core.error.ConfigException;
import picocli.CommandLine;

/**
 * Prints a failed command's error as one readable message instead of a stack trace. Configuration
 * errors exit 2 (like usage errors); anything else exits 1.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  static final int CONFIG_ERROR = 2;

  @Override
  public int handleExecutionException(
      Exception failure, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    commandLine
        .getErr()
        .println(commandLine.getColorScheme().errorText("error: " + failure.getMessage()));
    return failure instanceof ConfigException ? CONFIG_ERROR : 1;
  }
}

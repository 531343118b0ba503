package io.ghlcredly.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Commands run in-process through picocli as an operator would run them, output captured. */
final class CommandRun {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  /** Runs {@code ghl-credly ARGS...}; returns the exit code. */
  int run(String... args) {
    CommandLine commandLine = RootCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  /**
   * A configuration file in the folder for commands that work on the database only: the GHL and
   * Credly tokens are never used.
   *
   * @param extraYaml more top-level YAML, such as a {@code server:} section; empty for none
   */
  static Path databaseOnlyConfig(Path folder, String storageUrl, String extraYaml)
      throws IOException {
    Path token = Files.writeString(folder.resolve("ghl-token"), "unused-ghl-token");
    Path credlyToken = Files.writeString(folder.resolve("credly-token"), "unused-credly-token");
    return Files.writeString(
        folder.resolve("ghl-credly.yaml"),
        """
        storage:
          url: %s
        ghl:
          auth:
            mode: private-token
            private-token-file: %s
            location-id: loc-1
        credly:
          environment: sandbox
          organization-id: 7c3e9b52-4f1a-4d8e-9a61-2b5f0c8d4e17
          auth:
            token-file: %s
        %s"""
            .formatted(storageUrl, token, credlyToken, extraYaml));
  }
}

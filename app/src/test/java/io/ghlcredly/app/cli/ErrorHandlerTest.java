package io.ghlcredly.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What a failed command prints: the cause chain in one line, a missing file explained. */
class ErrorHandlerTest {
  @TempDir Path folder;

  @Test
  void printsTheCausesMessagesOnceEach() {
    IllegalStateException failure =
        new IllegalStateException(
            "cannot listen on 0.0.0.0:18486: Address already in use",
            new IOException(
                "Failed to bind to 0.0.0.0/0.0.0.0:18486",
                new BindException("Address already in use")));
    RuntimeException wrapped = new RuntimeException(new IllegalArgumentException("inner detail"));

    assertThat(ErrorHandler.message(failure))
        .isEqualTo(
            "cannot listen on 0.0.0.0:18486: Address already in use: Failed to bind to"
                + " 0.0.0.0/0.0.0.0:18486 (another process listens there: stop it, or set"
                + " server.port, server.management-port or server.host in the configuration)");
    assertThat(ErrorHandler.message(wrapped))
        .isEqualTo("java.lang.IllegalArgumentException: inner detail");
    assertThat(ErrorHandler.message(new RuntimeException())).isEqualTo("RuntimeException");
  }

  @Test
  void aMissingConfigurationSaysWhichFileWhyThatOneAndHowToNameOrWriteOne() {
    StringWriter err = new StringWriter();
    CommandLine commandLine = RootCommand.commandLine();
    commandLine.setErr(new PrintWriter(err, true));
    Path missing = folder.resolve("nowhere.yaml");

    int exit = commandLine.execute("dead-letters", "list", "-c", missing.toString());
    ConfigFile fromEnvironment = ConfigFile.of(null, Map.of("GCS_CONFIG", missing.toString()));
    ConfigFile byDefault = ConfigFile.of(null, Map.of());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("error: no configuration file at " + missing + " (given with -c)")
        .contains("-c FILE", "GCS_CONFIG", ConfigFile.EXAMPLE)
        .doesNotContain("NoSuchFileException");
    assertThat(Path.of("..").resolve(ConfigFile.EXAMPLE)).as("the example it names").exists();
    assertThat(fromEnvironment.origin()).isEqualTo("from GCS_CONFIG");
    assertThat(byDefault.path()).isEqualTo(Path.of("ghl-credly.yaml"));
    assertThat(byDefault.origin()).isEqualTo("./ghl-credly.yaml, the default");
  }

  @Test
  void serveWithAMissingFileExplainsItToo() throws IOException {
    StringWriter err = new StringWriter();
    CommandLine commandLine = RootCommand.commandLine();
    commandLine.setErr(new PrintWriter(err, true));
    Files.createDirectories(folder.resolve("empty"));

    int exit =
        commandLine.execute("serve", "-c", folder.resolve("empty/ghl-credly.yaml").toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("no configuration file at", ConfigFile.EXAMPLE);
  }
}

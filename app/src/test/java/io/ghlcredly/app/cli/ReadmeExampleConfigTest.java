package io.ghlcredly.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.app.ReadmeExample;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The configuration the README shows under "Configuration" is what a new user copies: it passes
 * {@code config check} and reconciles the token's location, so lost webhooks are found.
 */
class ReadmeExampleConfigTest {
  private static final Map<String, String> ENV =
      Map.of(
          "GHL_PRIVATE_TOKEN", "pit-readme",
          "GHL_LOCATION_ID", "ve9EPM428h8vShlRW1KT",
          "CREDLY_ORG_TOKEN", "credly-readme");

  @TempDir Path folder;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void passesTheOfflineCheckAndReconcilesTheTokensLocation() throws IOException {
    int exit = check(ENV, "--offline", readmeExample().toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains(": OK\n")
        .contains(
            "reconciliation: every 15m, lookback 1d,"
                + " covers location ve9EPM428h8vShlRW1KT (private token)");
  }

  @Test
  void namesTheVariableOfTheLocationWhenItIsUnset() throws IOException {
    Map<String, String> withoutLocation =
        Map.of("GHL_PRIVATE_TOKEN", "pit-readme", "CREDLY_ORG_TOKEN", "credly-readme");

    int exit = check(withoutLocation, "--offline", readmeExample().toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains("ghl.auth.location-id: environment variable GHL_LOCATION_ID is not set");
  }

  private int check(Map<String, String> env, String... args) {
    CommandLine commandLine = new CommandLine(new ConfigCommand.Check(env));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  private Path readmeExample() throws IOException {
    return Files.writeString(folder.resolve("readme-example.yaml"), ReadmeExample.configuration());
  }
}

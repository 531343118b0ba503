package io.ghlcredly.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.testkit.ghl.GhlEmulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `catalog` lists every action and trigger; `call` invokes one against an account. */
class CatalogCommandsIT {
  @TempDir Path folder;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private GhlEmulator ghl;
  private Path config;

  @BeforeEach
  void startEmulator() throws IOException {
    ghl = GhlEmulator.start();
    Path token = folder.resolve("ghl-token");
    Files.writeString(token, ghl.accessToken().reveal());
    Path credlyToken = folder.resolve("credly-token");
    Files.writeString(credlyToken, "unused-credly-token");
    config = folder.resolve("ghl-credly.yaml");
    Files.writeString(
        config,
        """
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
        """
            .formatted(token, credlyToken));
  }

  @AfterEach
  void stopEmulator() {
    ghl.close();
  }

  @Test
  void catalogListsEveryGhlOperationAndTrigger() {
    int exit = run("catalog");

    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("Actions (")
        .contains("ghl.get-contact")
        .contains("ghl.search-contacts")
        .contains("ghl.remove-tags")
        .contains("ghl.get-location-tags")
        .contains("ghl.get-custom-fields")
        .contains("ghl.get-workflows")
        .contains("contacts.write")
        .contains("ghl.contact-tag-update")
        .contains("ContactTagUpdate");
    long ghlActions = out.toString().lines().filter(line -> line.startsWith("  ghl.")).count();
    // 38 actions (32 contacts, 3 locations, workflows, campaigns, users) and 13 webhook triggers.
    assertThat(ghlActions).isGreaterThanOrEqualTo(38 + 13);
  }

  @Test
  void callInvokesAnActionAgainstTheGivenBaseUrlAndPrintsJson() {
    String ada = ghl.seedContact("Ada", "Lovelace", "ada@example.com", "vip");

    int exit =
        run(
            "call",
            "ghl.get-contact",
            "--param",
            "contactId=" + ada,
            "--base-url",
            ghl.baseUrl().toString(),
            "-c",
            config.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains("\"contact\"").contains(ada).contains("vip");
  }

  @Test
  void callListsTheLocationsTagsForThePickers() {
    ghl.seedContact("Ada", "Lovelace", "ada@example.com", "vip");

    int exit =
        run(
            "call",
            "ghl.get-location-tags",
            "-p",
            "locationId=" + ghl.locationId(),
            "--base-url",
            ghl.baseUrl().toString(),
            "-c",
            config.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains("\"tags\"").contains("vip");
  }

  @Test
  void callNamesAMissingParameter() {
    int exit =
        run(
            "call",
            "ghl.get-contact",
            "--base-url",
            ghl.baseUrl().toString(),
            "-c",
            config.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("contactId");
  }

  @Test
  void callRefusesAnUnknownAction() {
    int exit = run("call", "ghl.no-such-thing", "-c", config.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("unknown action");
  }

  @Test
  void callReportsTheProvidersRefusal() {
    int exit =
        run(
            "call",
            "ghl.get-contact",
            "-p",
            "contactId=nobody",
            "--base-url",
            ghl.baseUrl().toString(),
            "-c",
            config.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("HTTP 400").contains("not found");
  }

  private int run(String... args) {
    CommandLine commandLine = RootCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }
}

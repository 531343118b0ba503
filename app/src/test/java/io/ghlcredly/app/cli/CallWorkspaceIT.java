package io.ghlcredly.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.testkit.credly.CredlyEmulator;
import io.ghlcredly.testkit.credly.CredlyOrganization;
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

/** `call --workspace` uses that workspace's Credly organization; an agency file needs it named. */
class CallWorkspaceIT {
  @TempDir Path folder;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private CredlyEmulator credly;
  private CredlyOrganization south;
  private Path config;

  @BeforeEach
  void start() throws IOException {
    credly = CredlyEmulator.start();
    credly.seedTemplate("North Graduate");
    south = credly.addOrganization("South Credly");
    south.seedTemplate("Nursing Basics");
    Path tokenA = Files.writeString(folder.resolve("token-a"), credly.authToken().reveal());
    Path tokenB = Files.writeString(folder.resolve("token-b"), south.authToken().reveal());
    Path secret = Files.writeString(folder.resolve("ghl-secret"), "ghl-client-secret");
    config =
        Files.writeString(
            folder.resolve("agency.yaml"),
            """
            server: { public-url: "https://sync.example.com" }
            ghl:
              auth: { mode: oauth, client-id: app-1, client-secret-file: %s }
            workspaces:
              - id: north
                credly: { environment: sandbox, base-url: "%s", organization-id: %s,
                          auth: { token-file: %s } }
              - id: south
                credly: { environment: sandbox, base-url: "%s", organization-id: %s,
                          auth: { token-file: %s } }
            """
                .formatted(
                    secret,
                    credly.baseUrl(),
                    credly.organizationId(),
                    tokenA,
                    credly.baseUrl(),
                    south.organizationId(),
                    tokenB));
  }

  @AfterEach
  void stop() {
    credly.close();
  }

  @Test
  void aCredlyActionUsesTheNamedWorkspacesOrganization() {
    int exit =
        run("call", "credly.list-badge-templates", "--workspace", "south", "-c", config.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Nursing Basics").doesNotContain("North Graduate");
  }

  @Test
  void severalWorkspacesNeedOneNamed() {
    int exit = run("call", "credly.list-badge-templates", "-c", config.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains("--workspace")
        .contains("several workspaces")
        .contains("north, south");
    assertThat(credly.requests()).isEmpty();
  }

  @Test
  void ghlActionsInOAuthModeAreRefusedBeforeAnyCall() {
    int exit = run("call", "ghl.get-contact", "-p", "contactId=c-1", "-c", config.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("Private Integration Token only");
  }

  private int run(String... args) {
    CommandLine commandLine = RootCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }
}

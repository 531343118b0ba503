package io.ghlcredly.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineTest {
  @TempDir Path folder;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void helpListsTheCommands() {
    int exit = run("--help");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("demo", "serve", "config");
  }

  @Test
  void configCheckReportsEachProblemWithItsPathAndExitsTwo() throws IOException {
    Path file = folder.resolve("broken.yaml");
    Files.writeString(
        file,
        """
        server:
          port: seventy
        credly:
          environment: sandbox
          organization-id: 7c3e9b52-4f1a-4d8e-9a61-2b5f0c8d4e17
          auth:
            token: inline-secret-value
        ghl:
          auth:
            mode: private-token
            private-token: ${NO_SUCH_VARIABLE_FOR_THIS_TEST}
            location-id: loc-1
        rules:
          - id: r1
            when: { tag-added: vip }
            do:
              - issue-badge: { template: not-a-uuid }
        """);

    int exit = run("config", "check", file.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains("server.port:")
        .contains("credly.auth.token:")
        .contains("ghl.auth.private-token:")
        .contains("rules[0].do[0].issue-badge.template:")
        .doesNotContain("inline-secret-value");
  }

  @Test
  void configCheckAcceptsAValidFile() throws IOException {
    Path file = folder.resolve("good.yaml");
    Files.writeString(
        file,
        """
        credly:
          environment: sandbox
          organization-id: 7c3e9b52-4f1a-4d8e-9a61-2b5f0c8d4e17
          auth:
            token: ${PATH}
        ghl:
          auth:
            mode: private-token
            private-token: ${PATH}
            location-id: loc-1
        rules:
          - id: r1
            when: { tag-added: vip }
            do:
              - issue-badge: 3f1c9d2e-0000-4000-8000-000000000101
        """);

    // Offline: the sandbox cannot be asked from here, which would be "not verified" (exit 3).
    int exit = run("config", "check", "--offline", file.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains("OK");
  }

  @Test
  void serveStopsWithExitTwoAndThePathWhenTheConfigIsMissing() {
    int exit = run("serve", "--config", folder.resolve("missing.yaml").toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("missing.yaml");
  }

  private int run(String... args) {
    CommandLine commandLine = RootCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }
}

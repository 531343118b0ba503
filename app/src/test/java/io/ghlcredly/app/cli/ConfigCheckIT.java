package io.ghlcredly.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.model.Secret;
import io.ghlcredly.testkit.credly.CredlyEmulator;
import io.ghlcredly.testkit.credly.CredlyOrganization;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `config check` asks the Credly emulator whether the rules' badge templates exist. */
class ConfigCheckIT {
  private static final String KNOWN = "3f1c9d2e-0000-4000-8000-000000000101";
  private static final String ADVANCED = "3f1c9d2e-0000-4000-8000-000000000303";
  private static final String MISSING = "3f1c9d2e-0000-4000-8000-0000000009ff";

  @TempDir Path folder;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private CredlyEmulator credly;

  @BeforeEach
  void startEmulator() {
    credly = CredlyEmulator.start();
    credly.seedTemplate(KNOWN, "Course 101", false);
    credly.seedTemplate(ADVANCED, "Course 101 advanced", false);
  }

  @AfterEach
  void stopEmulator() {
    credly.close();
  }

  @Test
  void reportsTemplatesCredlyDoesNotKnowAtTheRulesPath() throws IOException {
    Path config = config(credly.baseUrl(), MISSING);

    int exit = run("config", "check", config.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains("1 problem")
        .contains(
            "rules[1].do[0].replace-badge.to: unknown badge template "
                + MISSING
                + " (Credly organization "
                + credly.organizationId()
                + " has none with this id)")
        .doesNotContain("rules[0]");
  }

  @Test
  void passesWhenEveryTemplateExists() throws IOException {
    Path config = config(credly.baseUrl(), ADVANCED.toUpperCase(java.util.Locale.ROOT));

    int exit = run("config", "check", config.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains(": OK (badge templates found in Credly)");
  }

  @Test
  void offlineSkipsTheLookup() throws IOException {
    Path config = config(credly.baseUrl(), MISSING);

    int exit = run("config", "check", "--offline", config.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains(": OK\n")
        .contains(
            "listens on 0.0.0.0:8080 (webhooks, OAuth, health, admin API, dashboard, metrics);")
        .contains("reconciliation: every 15m, lookback 1d, covers location loc-1 (private token)");
    assertThat(credly.requests()).isEmpty();
  }

  @Test
  void saysWhereServeListensAndRefusesAWeakAdminToken() throws IOException {
    Path config = config(credly.baseUrl(), ADVANCED);
    Path token =
        Files.writeString(folder.resolve("admin-token"), "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    String server =
        "server:\n  port: 18080\n  host: 127.0.0.1\n  management-port: 18081\n"
            + "  admin-token-file: "
            + token
            + "\n";
    Files.writeString(config, server + Files.readString(config));

    int weak = run("config", "check", "--offline", config.toString());
    Files.writeString(token, "Zs3kQ9vX2mPq8LrT4wYb7NcF1hJd6GaE0uKo5iRl+w==");
    int strong = run("config", "check", "--offline", config.toString());

    assertThat(weak).isEqualTo(2);
    assertThat(err.toString())
        .contains("server.admin-token: is too easy to guess")
        .contains("openssl rand -base64 32");
    assertThat(strong).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains(
            "listens on 127.0.0.1:18080 (webhooks, OAuth, health) and 127.0.0.1:18081 (admin API,"
                + " dashboard, metrics)");
  }

  @Test
  void saysWhatIsLostWhenReconciliationIsOff() throws IOException {
    Path config = config(credly.baseUrl(), ADVANCED);
    Files.writeString(
        config,
        Files.readString(config)
            .replace("credly:\n", "  reconcile:\n    enabled: false\ncredly:\n"));

    int exit = run("config", "check", "--offline", config.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains(
            "reconciliation: off; changes whose webhook GHL never delivered will not be found"
                + " (ghl.reconcile.enabled is false)");
  }

  @Test
  void unreachableCredlyIsNotVerifiedWithItsOwnExitCodeNotOk() throws IOException {
    URI closed = credly.baseUrl();
    credly.close();
    Path config = config(closed, MISSING);

    int exit = run("config", "check", config.toString());

    assertThat(exit).isEqualTo(3);
    assertThat(out.toString())
        .doesNotContain(": OK")
        .contains(": not verified (the file is valid, but Credly could not be asked)")
        .contains(
            "not verified: the credentials and badge templates, since Credly did not answer"
                + " (transient from "
                + closed)
        .contains("listens on 0.0.0.0:8080")
        .contains("reconciliation: every 15m");
  }

  @Test
  void anOrganizationIdCredlyDoesNotKnowIsAProblemAtItsPath() throws IOException {
    Path config = config(credly.baseUrl(), ADVANCED);
    Files.writeString(
        config,
        Files.readString(config)
            .replace(credly.organizationId(), "5b0d7e21-93c4-4f8a-b6d2-8e1f4a7c3d90"));

    int exit = run("config", "check", config.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "credly.organization-id: Credly has no organization"
                + " 5b0d7e21-93c4-4f8a-b6d2-8e1f4a7c3d90 (HTTP 404): copy its id from Credly:"
                + " Settings > Organization");
  }

  @Test
  void aTokenCredlyRefusesIsAProblemAtTheTokensPath() throws IOException {
    Path config = config(credly.baseUrl(), ADVANCED);
    credly.firstOrganization().rotateOrganizationToken(Secret.of("a-newer-token"));

    int exit = run("config", "check", config.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains("1 problem")
        .contains(
            "credly.auth.token: Credly refused the token (HTTP 401) for organization "
                + credly.organizationId()
                + ": create a new token in Credly and set it here")
        .doesNotContain("rules[");
  }

  @Test
  void eachWorkspacesTemplatesAreLookedUpInItsOwnOrganization() throws IOException {
    CredlyOrganization south = credly.addOrganization("South Credly");
    south.seedTemplate(ADVANCED, "Nursing Basics", false);
    Path tokenA = Files.writeString(folder.resolve("token-a"), credly.authToken().reveal());
    Path tokenB = Files.writeString(folder.resolve("token-b"), south.authToken().reveal());
    Path ghlSecret = Files.writeString(folder.resolve("ghl-secret"), "ghl-client-secret");
    // KNOWN exists only in the first organization, ADVANCED only in South's.
    Path config =
        Files.writeString(
            folder.resolve("agency.yaml"),
            """
            server: { public-url: "https://sync.example.com" }
            ghl:
              auth: { mode: oauth, client-id: app-1, client-secret-file: %1$s }
            workspaces:
              - id: north
                name: North Academy
                locations: [loc-1, loc-2]
                credly: { environment: sandbox, base-url: "%2$s", organization-id: %3$s,
                          auth: { token-file: %4$s } }
                rules:
                  - { id: a, when: { tag-added: x }, do: [ issue-badge: %6$s ] }
              - id: south
                name: South Academy
                locations: [loc-3]
                credly: { environment: sandbox, base-url: "%2$s", organization-id: %5$s,
                          auth: { token-file: %7$s } }
                rules:
                  - { id: a, when: { tag-added: x }, do: [ issue-badge: %8$s ] }
                  - { id: b, when: { tag-added: y }, do: [ issue-badge: %6$s ] }
            """
                .formatted(
                    ghlSecret,
                    credly.baseUrl(),
                    credly.organizationId(),
                    tokenA,
                    south.organizationId(),
                    KNOWN,
                    tokenB,
                    ADVANCED));

    int exit = run("config", "check", config.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains("1 problem")
        .contains(
            "workspaces[1].rules[1].do[0].issue-badge: unknown badge template "
                + KNOWN
                + " (Credly organization "
                + south.organizationId()
                + " has none with this id)");

    south.rotateOrganizationToken(Secret.of("rotated-in-credly"));
    int refused = run("config", "check", config.toString());
    assertThat(refused).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "workspaces[1].credly.auth.token: Credly refused the token (HTTP 401) for organization "
                + south.organizationId());

    int offline = run("config", "check", "--offline", config.toString());
    assertThat(offline).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("2 workspaces")
        .contains("north \"North Academy\": locations loc-1, loc-2; Credly organization")
        .contains(
            "south \"South Academy\": location loc-3; Credly organization "
                + south.organizationId()
                + "; 2 rules");
  }

  private Path config(URI credlyUrl, String secondTemplate) throws IOException {
    Path ghlToken = Files.writeString(folder.resolve("ghl-token"), "pit-unused");
    Path credlyToken =
        Files.writeString(folder.resolve("credly-token"), credly.authToken().reveal());
    return Files.writeString(
        folder.resolve("ghl-credly.yaml"),
        """
        ghl:
          auth:
            mode: private-token
            private-token-file: %s
            location-id: loc-1
        credly:
          environment: sandbox
          base-url: %s
          organization-id: %s
          timeout: 2s
          auth:
            token-file: %s
        rules:
          - id: course-101
            when: { tag-added: course-101-complete }
            do: [ issue-badge: %s ]
          - id: upgrade
            when: { tag-added: advanced }
            do: [ replace-badge: { from: %s, to: %s } ]
        """
            .formatted(
                ghlToken,
                credlyUrl,
                credly.organizationId(),
                credlyToken,
                KNOWN,
                KNOWN,
                secondTemplate));
  }

  private int run(String... args) {
    CommandLine commandLine = RootCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }
}

package io.ghlcredly.app.demo;

import io.ghlcredly.app.config.DurationText;
import io.ghlcredly.testkit.credly.BadgeTemplate;
import io.ghlcredly.testkit.credly.CredlyEmulator;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The configuration files the demo writes, pointing at the local emulators, with every secret in an
 * owner-only file beside it (named by {@code …-file:} keys): one location with a Private
 * Integration Token, or an agency's academies as workspaces over an OAuth install.
 */
final class DemoConfigYaml {
  private static final String HEADER =
      """
      # Written by `ghl-credly demo`: the engine's configuration, pointing at the local emulators.
      # Point any command at it while the demo runs: ghl-credly dead-letters list -c <this file>
      """;

  private static final String JOBS =
      """
      jobs:
        workers: 2
        max-attempts: 5
        initial-backoff: 300ms
        max-backoff: 2s
      """;

  /** Where the file is written and what both layouts share. */
  record Common(
      Path folder, int port, String storageUrl, GhlEmulator ghl, Duration reconcileEvery) {
    private String file(String name) {
      return folder.resolve(name).toAbsolutePath().toString();
    }
  }

  private DemoConfigYaml() {}

  /** One location, reached with its Private Integration Token, and one Credly organization. */
  static String singleLocation(Common common, CredlyEmulator credly, BadgeTemplate template) {
    return HEADER
        + server(common, "")
        + """
        ghl:
          auth:
            mode: private-token
            private-token-file: %s
            location-id: %s
        """
            .formatted(common.file(DemoEnvironment.GHL_TOKEN_FILE), common.ghl().locationId())
        + ghlRest(common)
        + """
        credly:
          environment: sandbox
          base-url: %s
          organization-id: %s
          auth:
            token-file: %s
        """
            .formatted(
                credly.baseUrl(),
                credly.organizationId(),
                common.file(DemoEnvironment.CREDLY_TOKEN_FILE))
        + JOBS
        + """
        rules:
          - id: course-101
            when: { tag-added: %s }
            do:
              - issue-badge: { template: %s, evidence: "Completed Course 101" }
        """
            .formatted(DemoEnvironment.TAG, template.id());
  }

  /**
   * An agency's academies: GHL in OAuth mode (the app installed for the whole company), one
   * workspace per academy with its location, its Credly organization and its rule on the tag.
   */
  static String academies(Common common, URI credlyBaseUrl, List<Academy> academies) {
    StringBuilder workspaces = new StringBuilder("workspaces:\n");
    for (Academy academy : academies) {
      workspaces.append(
          """
            - id: %s
              name: %s
              locations: [%s]
              credly:
                environment: sandbox
                base-url: %s
                organization-id: %s
                auth:
                  token-file: %s
              rules:
                - id: %s
                  when: { tag-added: %s }
                  do:
                    - issue-badge: { template: %s, evidence: "Completed %s" }
          """
              .formatted(
                  academy.workspace(),
                  academy.name(),
                  academy.location(),
                  credlyBaseUrl,
                  academy.organization().organizationId(),
                  common.file(academy.tokenFile()),
                  academy.rule(),
                  DemoEnvironment.TAG,
                  academy.template().id(),
                  academy.template().name()));
    }
    return HEADER
        + server(common, "  public-url: http://127.0.0.1:" + common.port() + "\n")
        + """
        ghl:
          auth:
            mode: oauth
            client-id: %s
            client-secret-file: %s
            authorize-url: %s/v2/oauth/chooselocation
        """
            .formatted(
                common.ghl().oauth().clientId(),
                common.file(DemoEnvironment.GHL_CLIENT_SECRET_FILE),
                common.ghl().baseUrl())
        + ghlRest(common)
        + JOBS
        + workspaces;
  }

  private static String server(Common common, String publicUrl) {
    return """
        server:
          port: %d
        %s  admin-token-file: %s
        storage:
          url: "%s"
        secrets:
          key-file: %s
        """
        .formatted(
            common.port(),
            publicUrl,
            common.file(DemoEnvironment.ADMIN_TOKEN_FILE),
            common.storageUrl(),
            common.file("secret.key"));
  }

  /** The rest of {@code ghl:} after {@code auth:}; the demo reconciles, as every webhook user. */
  private static String ghlRest(Common common) {
    return """
          base-url: %s
          reconcile:
            every: %s
          webhooks:
            max-age: 5m
            ed25519-public-keys:
              - |
        %s
            rsa-public-keys:
              - |
        %s
        """
        .formatted(
            common.ghl().baseUrl(),
            DurationText.format(common.reconcileEvery()),
            indent(common.ghl().ed25519PublicKeyPem()),
            indent(common.ghl().rsaPublicKeyPem()));
  }

  private static String indent(String pem) {
    return pem.strip()
        .lines()
        .map(line -> "            " + line)
        .reduce((a, b) -> a + "\n" + b)
        .orElse("");
  }
}

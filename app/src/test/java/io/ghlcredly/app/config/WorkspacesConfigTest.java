package io.ghlcredly.app.config;

import static io.ghlcredly.app.config.ConfigFixtures.minimalEnv;
import static io.ghlcredly.app.config.ConfigFixtures.resource;
import static io.ghlcredly.app.config.ConfigFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ghlcredly.core.error.ConfigException.ConfigProblem;
import io.ghlcredly.core.model.WorkspaceId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code workspaces:} section, and files without it keeping their one implicit workspace. */
class WorkspacesConfigTest {
  private static final String ORG_A = "aaaaaaaa-0000-4000-8000-000000000001";
  private static final String ORG_B = "bbbbbbbb-0000-4000-8000-000000000002";
  private static final String TEMPLATE = "3f1c9d2e-0000-4000-8000-000000000101";
  private static final Map<String, String> ENV =
      Map.of("GHL_SECRET", "ghl-client-secret-5d1e", "TOKEN_A", "tok-a-1", "TOKEN_B", "tok-b-2");

  @TempDir Path directory;

  @Test
  void aFileWithoutWorkspacesHasOneImplicitWorkspaceServingEveryLocation() {
    AppConfig config = ConfigLoader.load(resource("minimal.yaml"), minimalEnv());

    assertThat(config.implicitWorkspace()).isTrue();
    assertThat(config.workspaces()).hasSize(1);
    WorkspaceConfig only = config.workspaces().get(0);
    assertThat(only.id()).isEqualTo(WorkspaceId.DEFAULT);
    assertThat(only.locations()).isEmpty();
    assertThat(only.credly()).isSameAs(config.credly());
    assertThat(only.rules()).isSameAs(config.rules());
  }

  @Test
  void everyExampleFileWrittenBeforeWorkspacesStillLoads() {
    for (String name : List.of("minimal.yaml", "every-kind.yaml")) {
      AppConfig config = ConfigLoader.load(resource(name), minimalEnv());
      assertThat(config.implicitWorkspace()).as(name).isTrue();
    }
  }

  @Test
  void workspacesEachHaveTheirLocationsCredlyOrganizationAndRules() throws IOException {
    AppConfig config = ConfigLoader.load(write(directory, agency("")), ENV);

    assertThat(config.implicitWorkspace()).isFalse();
    assertThat(config.workspaces())
        .extracting(workspace -> workspace.id().value())
        .containsExactly("north", "south");
    WorkspaceConfig north = config.workspace(new WorkspaceId("north")).orElseThrow();
    assertThat(north.name()).isEqualTo("North Academy");
    assertThat(north.locations()).containsExactly("loc-1", "loc-2");
    assertThat(north.credly().organizationId()).isEqualTo(ORG_A);
    assertThat(north.rules().rules()).extracting(rule -> rule.id().value()).containsExactly("n1");
    WorkspaceConfig south = config.workspace(new WorkspaceId("south")).orElseThrow();
    assertThat(south.credly().organizationId()).isEqualTo(ORG_B);
    assertThat(south.rules().rules()).extracting(rule -> rule.id().value()).containsExactly("s1");
    assertThatThrownBy(config::credly).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aLocationInTwoWorkspacesIsAProblemAtItsPath() throws IOException {
    assertThat(check(agency("").replace("locations: [loc-3]", "locations: [loc-2]")))
        .containsExactly(
            new ConfigProblem(
                "workspaces[1].locations[0]",
                "location loc-2 is already in workspaces[0] (North Academy): a location belongs"
                    + " to one workspace"));
  }

  @Test
  void idsMustBeUniqueAndPlain() throws IOException {
    assertThat(check(agency("").replace("id: south", "id: north")))
        .contains(
            new ConfigProblem("workspaces[1].id", "'north' is already the id of workspaces[0]"));
    assertThat(check(agency("").replace("id: south", "id: South Academy")))
        .contains(
            new ConfigProblem(
                "workspaces[1].id",
                "must be 1 to 40 lower-case letters, digits or dashes, got 'South Academy'"));
  }

  @Test
  void twoWorkspacesCannotShareOneCredlyOrganization() throws IOException {
    assertThat(check(agency("").replace(ORG_B, ORG_A)))
        .containsExactly(
            new ConfigProblem(
                "workspaces[1].credly.organization-id",
                "is already the organization of workspace 'north' (workspaces[0]): each"
                    + " workspace issues from its own Credly organization"));
  }

  @Test
  void topLevelCredlyAndRulesAreRefusedWithWorkspaces() throws IOException {
    String yaml =
        agency(
            """
            credly:
              environment: sandbox
              organization-id: %s
              auth: { token: "${TOKEN_A}" }
            rules: []
            """
                .formatted(ORG_A));
    assertThat(check(yaml))
        .extracting(ConfigProblem::path)
        .containsExactlyInAnyOrder("credly", "rules");
  }

  @Test
  void aWorkspaceNeedsItsCredlyConnection() throws IOException {
    String yaml =
        """
        ghl:
          auth: { mode: oauth, client-id: app-1, client-secret: "${GHL_SECRET}" }
        server:
          public-url: https://sync.example.com
        workspaces:
          - id: lonely
            name: Lonely Academy
        """;
    assertThat(check(yaml))
        .containsExactly(
            new ConfigProblem(
                "workspaces[0].credly",
                "is required: each workspace issues from its own Credly organization"));
  }

  @Test
  void rulesProblemsNameTheWorkspaceInTheirPath() throws IOException {
    assertThat(check(agency("").replace("issue-badge: " + TEMPLATE + " }", "issue-badge: abc }")))
        .contains(
            new ConfigProblem(
                "workspaces[1].rules[0].do[0].issue-badge",
                "must be a Credly badge template UUID, got 'abc'"));
  }

  @Test
  void aPrivateTokenReachesOnlyItsOwnLocation() throws IOException {
    String yaml =
        """
        ghl:
          auth: { mode: private-token, private-token: "${GHL_SECRET}", location-id: loc-1 }
        workspaces:
          - id: north
            locations: [loc-9]
            credly: { environment: sandbox, organization-id: %s, auth: { token: "${TOKEN_A}" } }
        """
            .formatted(ORG_A);
    assertThat(check(yaml))
        .containsExactly(
            new ConfigProblem(
                "workspaces[0].locations[0]",
                "the private token reaches only location loc-1 (ghl.auth.location-id); use"
                    + " ghl.auth.mode: oauth to serve several locations"));
  }

  @Test
  void theReadmesAgencyExampleLoads() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
    int section = lines.indexOf("## Agency workspaces");
    int start = lines.subList(section, lines.size()).indexOf("   ```yaml") + section + 1;
    int end = lines.subList(start, lines.size()).indexOf("   ```") + start;
    String yaml =
        String.join(
            "\n",
            lines.subList(start, end).stream().map(line -> line.replaceFirst("^   ", "")).toList());
    Map<String, String> env =
        Map.of(
            "ADMIN_TOKEN", ConfigFixtures.ADMIN_TOKEN,
            "GHL_CLIENT_ID", "app-1",
            "GHL_CLIENT_SECRET", "secret-1",
            "NORTH_CREDLY_ORG", ORG_A,
            "NORTH_CREDLY_TOKEN", "tok-a",
            "SOUTH_CREDLY_ORG", ORG_B,
            "SOUTH_CREDLY_TOKEN", "tok-b");

    AppConfig config = ConfigLoader.load(write(directory, yaml), env);

    assertThat(config.workspaces())
        .extracting(WorkspaceConfig::name)
        .containsExactly("North Academy", "South Academy");
  }

  private List<ConfigProblem> check(String yaml) throws IOException {
    return ConfigLoader.check(write(directory, yaml), ENV);
  }

  /** An agency file: two workspaces under OAuth, then {@code extra}. */
  private static String agency(String extra) {
    return """
        server:
          public-url: https://sync.example.com
        ghl:
          auth: { mode: oauth, client-id: app-1, client-secret: "${GHL_SECRET}" }
        workspaces:
          - id: north
            name: North Academy
            locations: [loc-1, loc-2]
            credly: { environment: sandbox, organization-id: %1$s, auth: { token: "${TOKEN_A}" } }
            rules:
              - { id: n1, when: { tag-added: graduated }, do: [ { issue-badge: %3$s } ] }
          - id: south
            name: South Academy
            locations: [loc-3]
            credly: { environment: sandbox, organization-id: %2$s, auth: { token: "${TOKEN_B}" } }
            rules:
              - { id: s1, when: { tag-added: graduated }, do: [ { issue-badge: %3$s } ] }
        """
            .formatted(ORG_A, ORG_B, TEMPLATE)
        + extra;
  }
}

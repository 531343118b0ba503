package io.ghlcredly.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ghlcredly.app.config.ConfigLoader;
import io.ghlcredly.core.mapping.Rule;
import io.ghlcredly.core.mapping.RuleSet;
import io.ghlcredly.core.model.WorkspaceId;
import io.ghlcredly.testkit.time.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesReloaderTest {
  private static final Map<String, String> ENV =
      Map.of("GHL_TOKEN", "pit-token-1", "CREDLY_TOKEN", "credly-token-1");
  private static final Instant START = Instant.parse("2026-11-30T06:00:00Z");
  private static final String BASE =
      """
      server:
        port: %d
      ghl:
        auth:
          mode: private-token
          private-token: ${GHL_TOKEN}
          location-id: loc-1
      credly:
        environment: sandbox
        organization-id: 6a1b2c3d-0000-4000-8000-00000000000a
        auth:
          token: ${CREDLY_TOKEN}
      mapping:
        status: "{{contact.customField.status}}"
      rules:
      """;
  private static final String COURSE_101 =
      """
        - id: course-101
          when: { tag-added: course-101-complete }
          do: [ issue-badge: 3f1c9d2e-0000-4000-8000-000000000101 ]
      """;
  private static final String REFUNDED =
      """
        - id: refunded
          when: { status-changed: { to: refunded } }
          do: [ revoke-badges: { reason: "Refunded on {{now}}" } ]
      """;

  @TempDir Path directory;
  private final MutableClock clock = MutableClock.at(START);
  private final java.util.List<RulesReloader> reloaders = new java.util.ArrayList<>();

  @AfterEach
  void stop() {
    reloaders.forEach(RulesReloader::close);
  }

  @Test
  void anEditPutsTheNewRulesInForce() throws IOException {
    Path file = write(8080, COURSE_101);
    RulesReloader reloader = started(file);
    Supplier<RuleSet> rules = reloader;
    clock.advance(Duration.ofMinutes(1));

    Files.writeString(file, BASE.formatted(8080) + COURSE_101 + REFUNDED);

    await().until(() -> rules.get().rules().size() == 2);
    assertThat(ids(rules.get())).containsExactly("course-101", "refunded");
    assertThat(reloader.loadedAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
    assertThat(reloader.lastError()).isEmpty();
    assertThat(reloader.restartNeeded()).isEmpty();
  }

  @Test
  void aBrokenFileKeepsTheLastGoodRulesAndSaysWhy() throws IOException {
    Path file = write(8080, COURSE_101);
    RulesReloader reloader = started(file);

    Files.writeString(
        file,
        BASE.formatted(8080)
            + """
              - id: course-101
                when: { tag-added: course-101-complete }
                do: [ issue-badge: not-a-uuid ]
            """);

    await().until(() -> reloader.lastError().isPresent());
    assertThat(reloader.lastError())
        .hasValue(
            "rules[0].do[0].issue-badge: must be a Credly badge template UUID, got 'not-a-uuid'");
    assertThat(ids(reloader.get())).containsExactly("course-101");
    assertThat(reloader.loadedAt()).isEqualTo(START);

    clock.advance(Duration.ofMinutes(5));
    Files.writeString(file, BASE.formatted(8080) + REFUNDED);

    await().until(() -> reloader.lastError().isEmpty());
    assertThat(ids(reloader.get())).containsExactly("refunded");
    assertThat(reloader.loadedAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
  }

  @Test
  void followsEditorsThatReplaceTheFileByARename() throws IOException {
    Path file = write(8080, COURSE_101);
    RulesReloader reloader = started(file);
    Path swap = directory.resolve(".ghl-credly.yaml.swp");

    Files.writeString(swap, BASE.formatted(8080) + REFUNDED);
    Files.move(swap, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

    await().until(() -> ids(reloader.get()).equals(java.util.List.of("refunded")));
  }

  @Test
  void otherSectionsChangingAreReportedAsNeedingARestart() throws IOException {
    Path file = write(8080, COURSE_101);
    RulesReloader reloader = unstarted(file);

    Files.writeString(file, BASE.formatted(9090) + COURSE_101 + REFUNDED);

    assertThat(reloader.reloadIfChanged()).isTrue();
    assertThat(reloader.restartNeeded()).containsExactly("server");
    assertThat(ids(reloader.get())).containsExactly("course-101", "refunded");
  }

  @Test
  void anUnchangedOrMissingFileIsNoReload() throws IOException {
    Path file = write(8080, COURSE_101);
    RulesReloader reloader = unstarted(file);

    assertThat(reloader.reloadIfChanged()).isFalse();
    Files.delete(file);
    assertThat(reloader.reloadIfChanged()).isFalse();
    assertThat(reloader.lastError()).isEmpty();
    assertThat(ids(reloader.get())).containsExactly("course-101");
  }

  @Test
  void eachWorkspacesRulesFollowTheFileAndANewWorkspaceWaitsForARestart() throws IOException {
    Path file = directory.resolve("agency.yaml");
    Files.writeString(file, agency(COURSE_101, COURSE_101, ""));
    RulesReloader reloader = unstarted(file);

    Files.writeString(file, agency(COURSE_101, REFUNDED, ""));
    assertThat(reloader.reloadIfChanged()).isTrue();

    assertThat(ids(reloader.rules(new WorkspaceId("north")))).containsExactly("course-101");
    assertThat(ids(reloader.rules(new WorkspaceId("south")))).containsExactly("refunded");
    assertThat(reloader.restartNeeded()).isEmpty();

    String third =
        """
          - id: east
            credly:
              environment: sandbox
              organization-id: 6a1b2c3d-0000-4000-8000-00000000000c
              auth: { token: "${CREDLY_TOKEN}" }
            rules:
        """
            + COURSE_101.indent(2);
    Files.writeString(file, agency(COURSE_101, REFUNDED, third));
    assertThat(reloader.reloadIfChanged()).isTrue();

    assertThat(reloader.restartNeeded()).containsExactly("workspaces");
    assertThat(reloader.rules(new WorkspaceId("east")).rules()).isEmpty();
  }

  /** Two workspaces with the given rules, then {@code more} workspaces. */
  private static String agency(String northRules, String southRules, String more) {
    return """
        server: { port: 8080, public-url: "https://sync.example.com" }
        ghl:
          auth: { mode: oauth, client-id: app-1, client-secret: "${GHL_TOKEN}" }
        workspaces:
          - id: north
            credly:
              environment: sandbox
              organization-id: 6a1b2c3d-0000-4000-8000-00000000000a
              auth: { token: "${CREDLY_TOKEN}" }
            mapping: { status: "{{contact.customField.status}}" }
            rules:
        %s
          - id: south
            credly:
              environment: sandbox
              organization-id: 6a1b2c3d-0000-4000-8000-00000000000b
              auth: { token: "${CREDLY_TOKEN}" }
            mapping: { status: "{{contact.customField.status}}" }
            rules:
        %s
        %s"""
        .formatted(northRules.indent(4), southRules.indent(4), more);
  }

  private RulesReloader started(Path file) {
    RulesReloader started =
        new RulesReloader(file, ENV, ConfigLoader.load(file, ENV), clock, Duration.ofMillis(20));
    reloaders.add(started);
    started.start();
    return started;
  }

  /** Polls only when the test asks ({@link RulesReloader#reloadIfChanged()}). */
  private RulesReloader unstarted(Path file) {
    RulesReloader reloader =
        new RulesReloader(file, ENV, ConfigLoader.load(file, ENV), clock, Duration.ofHours(1));
    reloaders.add(reloader);
    return reloader;
  }

  private Path write(int port, String rules) throws IOException {
    return Files.writeString(directory.resolve("ghl-credly.yaml"), BASE.formatted(port) + rules);
  }

  private static java.util.List<String> ids(RuleSet rules) {
    return rules.rules().stream().map(Rule::id).map(Object::toString).toList();
  }
}

package io.ghlcredly.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.app.Application;
import io.ghlcredly.app.demo.DemoEnvironment;
import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.port.ContactDirectory;
import io.ghlcredly.core.port.CrmGateway;
import io.ghlcredly.core.port.CursorStore;
import io.ghlcredly.core.port.EventInbox;
import io.ghlcredly.core.sync.ContactPlanner;
import io.ghlcredly.core.sync.EventIntake;
import io.ghlcredly.ghl.GhlClient;
import io.ghlcredly.ghl.GhlContactDirectory;
import io.ghlcredly.ghl.GhlSettings;
import io.ghlcredly.testkit.server.EmulatorRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The import command against the GHL and Credly emulators with the real engine on H2: 250 contacts,
 * every fifth with the demo rule's tag, walked in pages of 100.
 */
class ImportCommandIT {
  private static final int CONTACTS = 250;
  private static final int PAGE = 100;

  @TempDir Path folder;
  private DemoEnvironment env;
  private String templateId;
  private LocationId location;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void startEverything() {
    env = DemoEnvironment.start(folder, Duration.ofMillis(200));
    templateId = env.template().id();
    location = new LocationId(env.ghl().locationId());
    env.ghl()
        .seedContacts(
            CONTACTS,
            (contact, index) -> {
              if (index % 5 == 0) {
                contact.tags(DemoEnvironment.TAG);
              }
            });
  }

  @AfterEach
  void stopEverything() {
    env.close();
  }

  @Test
  void importsEveryContactWithOneReadPerPageAndIssuesTheRulesBadges() {
    long searchesBefore = searches(); // the reconciliation pass at start searches too

    int exit = run(new EngineServices(pagedDirectory()), "--location", location.value());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(env.credly().badges()).hasSize(CONTACTS / 5);
    assertThat(searches() - searchesBefore).isEqualTo(1 + 3); // the count, then three pages
    assertThat(contactReads()).isZero();
    assertThat(out.toString()).contains("import done: 250 walked, 250 queued, 0 skipped, 3 pages");
  }

  @Test
  void aSecondImportIssuesNothingNew() {
    run(new EngineServices(pagedDirectory()), "--location", location.value());

    int exit = run(new EngineServices(pagedDirectory()), "--location", location.value());

    assertThat(exit).isZero();
    assertThat(env.credly().badges()).hasSize(CONTACTS / 5);
    assertThat(out.toString()).contains("import done: 250 walked, 0 queued, 250 skipped");
  }

  @Test
  void anImportInterruptedAfterTheSecondPageResumesFromTheThird() {
    FailingOnce failing = new FailingOnce(pagedDirectory(), 3);
    assertThat(run(new EngineServices(failing), "--location", location.value())).isEqualTo(1);
    assertThat(err.toString()).contains("GHL down");

    int exit = run(new EngineServices(failing), "--location", location.value());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(failing.cursors).hasSize(4);
    assertThat(failing.cursors.get(3)).isEqualTo(failing.cursors.get(2)).isNotNull();
    assertThat(out.toString())
        .contains("resuming after page 2 (200 contacts)")
        .contains("import done: 250 walked, 250 queued, 0 skipped, 3 pages");
    assertThat(env.credly().badges()).hasSize(CONTACTS / 5);
  }

  @Test
  void dryRunIssuesNothingAndPrintsThePlannedSteps() {
    int exit =
        run(new EngineServices(pagedDirectory()), "--location", location.value(), "--dry-run");

    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("dry run: 250 contacts walked, 50 with something to do")
        .contains("\u2192 issue-badge: 50")
        .contains(templateId);
    assertThat(env.credly().badges()).isEmpty();
  }

  private int run(SyncServices services, String... args) {
    CommandLine commandLine =
        new CommandLine(new ImportCommand((config, workers) -> services, false));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setExecutionExceptionHandler(new ErrorHandler());
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--config");
    all.add(folder.resolve("ghl-credly.yaml").toString());
    return commandLine.execute(all.toArray(String[]::new));
  }

  private ContactDirectory pagedDirectory() {
    GhlClient client =
        GhlClient.create(
            new GhlSettings(
                env.ghl().baseUrl(),
                GhlSettings.DEFAULT_API_VERSION,
                env.ghl().accessToken(),
                GhlSettings.DEFAULT_TIMEOUT));
    return new GhlContactDirectory(any -> client, PAGE);
  }

  private long searches() {
    return env.ghl().requests().stream().filter(r -> r.path().equals("/contacts/search")).count();
  }

  private long contactReads() {
    return env.ghl().requests().stream()
        .filter(r -> r.method().equals("GET"))
        .map(EmulatorRequest::path)
        .filter(path -> path.matches("/contacts/[^/]+/?"))
        .count();
  }

  /**
   * The running demo engine with another directory; the planner wants the demo rule's badge for a
   * contact with its tag (a stand-in until the engine's planner is wired into Application).
   */
  private final class EngineServices implements SyncServices {
    private final Application engine = env.engine();
    private final ContactDirectory directory;

    EngineServices(ContactDirectory directory) {
      this.directory = directory;
    }

    @Override
    public ContactDirectory directory() {
      return directory;
    }

    @Override
    public ContactPlanner planner() {
      return engine.planner();
    }

    @Override
    public EventIntake intake() {
      return engine.intake();
    }

    @Override
    public CursorStore cursors() {
      return engine.stores().cursors();
    }

    @Override
    public EventInbox inbox() {
      return engine.stores().inbox();
    }

    @Override
    public CrmGateway crm() {
      return engine.crm();
    }

    @Override
    public InstantSource clock() {
      return InstantSource.system();
    }

    @Override
    public @Nullable String defaultLocation() {
      return location.value();
    }

    @Override
    public void close() {
      // The environment owns the engine.
    }
  }

  /** Fails the n-th page request (1-based) once, as a GHL outage would; records every cursor. */
  private static final class FailingOnce implements ContactDirectory {
    final List<@Nullable String> cursors = new ArrayList<>();
    private final ContactDirectory directory;
    private int failAt;

    FailingOnce(ContactDirectory directory, int failAt) {
      this.directory = directory;
      this.failAt = failAt;
    }

    @Override
    public Page page(LocationId location, @Nullable Instant since, @Nullable String cursor) {
      cursors.add(cursor);
      if (cursors.size() == failAt) {
        failAt = -1;
        throw new ApiException(
            "ghl",
            "POST",
            "/contacts/search",
            503,
            ApiException.Kind.TRANSIENT,
            "GHL down",
            null,
            null);
      }
      return directory.page(location, since, cursor);
    }

    @Override
    public long count(LocationId location, @Nullable Instant since) {
      return directory.count(location, since);
    }
  }
}

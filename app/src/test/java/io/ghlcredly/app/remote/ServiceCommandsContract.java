package io.ghlcredly.app.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ghlcredly.app.cli.RootCommand;
import io.ghlcredly.app.demo.DemoEnvironment;
import io.ghlcredly.core.model.DeadLetter;
import io.ghlcredly.testkit.credly.BadgeTemplate;
import io.ghlcredly.testkit.server.EmulatorResponse;
import io.ghlcredly.testkit.server.Fault;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every operator command while a service runs for its configuration: through the service's admin
 * API (one line on stderr says so), printing exactly what the same command prints from the database
 * once the service is stopped; the changes it asks for are made by the service. Runs the commands
 * as an operator does, through {@link RootCommand}, against the demo's engine and emulators, on the
 * database each subclass names.
 */
abstract class ServiceCommandsContract {
  static final Duration WAIT = Duration.ofSeconds(60);
  static final String NO_SERVICE =
      "no service running for this configuration: opening the database directly";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path folder;
  DemoEnvironment env;
  String ada;
  long deadLetter;

  /** The database of the service: the demo's embedded H2, or a PostgreSQL schema. */
  abstract DemoEnvironment.Extras extras();

  /** Whether the database is the embedded H2 file, which only the service may hold. */
  abstract boolean embedded();

  @BeforeEach
  void startWithADeadLetter() {
    env = DemoEnvironment.start(folder, Duration.ofMillis(500), null, extras());
    ada = env.ghl().seedContact("Ada", "Lovelace", "ada@example.com");
    // Credly refuses the archived template: the badge fails for good and the job dead-letters.
    env.credly().archiveTemplate(env.template().id());
    env.ghl().addTags(ada, DemoEnvironment.TAG);
    await().atMost(WAIT).until(() -> env.engine().stores().deadLetters().count() == 1);
    await().atMost(WAIT).until(() -> env.engine().queuedJobs() == 0);
    deadLetter = env.engine().stores().deadLetters().listRecent(1).getFirst().id();
  }

  @AfterEach
  void stopEverything() {
    env.close();
  }

  @Test
  void readingCommandsPrintWhatTheDatabaseGivesAndSayWhichWayTheyWent() throws IOException {
    List<List<String>> commands =
        List.of(
            List.of("dead-letters", "list"),
            List.of("dead-letters", "list", "--json", "--limit", "5"),
            List.of("dead-letters", "show", Long.toString(deadLetter)),
            List.of("dead-letters", "show", Long.toString(deadLetter), "--json"),
            List.of("audit", "--contact", ada),
            List.of("audit", "--contact", ada, "--json", "--limit", "3"),
            List.of("plan", "--contact", ada));
    List<Run> throughService = new ArrayList<>();
    for (List<String> command : commands) {
      Run run = run(command);
      assertThat(run.exit()).as(command + ": " + run.err()).isZero();
      assertThat(run.err()).as(command.toString()).isEqualTo(usingService() + "\n");
      throughService.add(run);
    }
    Run unknown = run(List.of("dead-letters", "show", "999999"));

    env.stopEngine();

    for (int index = 0; index < commands.size(); index++) {
      List<String> command = commands.get(index);
      Run local = run(command);
      assertThat(local.exit()).as(command + ": " + local.err()).isZero();
      assertThat(local.err()).as(command.toString()).isEqualTo(NO_SERVICE + "\n");
      assertThat(throughService.get(index).out()).as(command.toString()).isEqualTo(local.out());
    }
    Run unknownLocally = run(List.of("dead-letters", "show", "999999"));
    assertThat(unknown.exit()).isEqualTo(2).isEqualTo(unknownLocally.exit());
    assertThat(unknown.err()).contains("error: no dead letter 999999");
    assertThat(unknownLocally.err()).contains("error: no dead letter 999999");
    // And what it printed is the dead letter and the contact's trail.
    JsonNode letter = JSON.readTree(throughService.get(3).out());
    assertThat(letter.get("contactId").asText()).isEqualTo(ada);
    assertThat(letter.get("cause").asText()).isNotBlank();
    assertThat(throughService.get(0).out()).contains(ada, "action", "ApiException: credly POST");
    assertThat(throughService.get(4).out())
        .contains("event", "badge", env.template().id(), "failed");
    // Her badge claim failed for good: only a replay makes the rule fire again.
    assertThat(throughService.get(6).out()).isEqualTo("contact " + ada + ": nothing to do\n");
  }

  @Test
  void planFailuresReadAsTheyDoFromThisProcess() {
    EmulatorResponse down = EmulatorResponse.json(503, "{\"message\":\"down for maintenance\"}");
    String using = usingService();
    Run unknown = run(List.of("plan", "--contact", "nobody-here"));
    env.ghl().inject(Fault.status("GET", "/contacts/", 1, down));
    Run failed = run(List.of("plan", "--contact", ada));

    env.stopEngine();
    Run unknownLocally = run(List.of("plan", "--contact", "nobody-here"));
    env.ghl().inject(Fault.status("GET", "/contacts/", 1, down));
    Run failedLocally = run(List.of("plan", "--contact", ada));

    assertThat(unknown.exit()).isEqualTo(1).isEqualTo(unknownLocally.exit());
    assertThat(unknown.err())
        .isEqualTo(using + "\nerror: no contact nobody-here in " + env.ghl().locationId() + "\n");
    assertThat(unknownLocally.err()).isEqualTo(unknown.err().replace(using, NO_SERVICE));
    assertThat(failed.exit()).isEqualTo(1).isEqualTo(failedLocally.exit());
    assertThat(failed.err()).contains("503");
    assertThat(failedLocally.err()).isEqualTo(failed.err().replace(using, NO_SERVICE));
  }

  @Test
  void replayThroughTheServiceIssuesTheBadgeOnceWithTheServicesWorkers() {
    BadgeTemplate template = env.template();
    env.credly().seedTemplate(template.id(), template.name(), false);

    Run replay = run(List.of("dead-letters", "replay", "--all"));

    assertThat(replay.exit()).as(replay.err()).isZero();
    assertThat(replay.err()).isEqualTo(usingService() + "\n");
    assertThat(replay.out())
        .startsWith("dead letter " + deadLetter + " replayed: released 1 failed badge claim(s)")
        .contains("queued the sync of " + ada);
    await().atMost(WAIT).until(() -> env.credly().countBadges(template.id(), ada) == 1);
    await().atMost(WAIT).until(() -> env.engine().queuedJobs() == 0);
    DeadLetter replayed = env.engine().stores().deadLetters().find(deadLetter).orElseThrow();
    assertThat(replayed.replayedAt()).isNotNull();
    // The change log names who replayed: the CLI uses the admin token.
    assertThat(
            new io.ghlcredly.storage.JdbcChangeLog(env.engine().database())
                .listForContact(new io.ghlcredly.core.model.ContactId(ada), 10))
        .extracting(io.ghlcredly.core.port.ChangeLog.Change::actor)
        .containsExactly("admin-token");

    Run again = run(List.of("dead-letters", "replay", "--all"));
    Run one = run(List.of("dead-letters", "replay", Long.toString(deadLetter)));
    assertThat(again.out()).isEqualTo("no dead letters to replay\n");
    assertThat(one.out()).contains("already replayed", "--force");
    assertThat(env.credly().countBadges(template.id(), ada)).isEqualTo(1);
  }

  @Test
  void importRunsInTheServiceWithTheProgressAndSummaryOfALocalImport() {
    BadgeTemplate template = env.template();
    env.credly().seedTemplate(template.id(), template.name(), false);
    List<String> tagged = new ArrayList<>();
    List<String> seeded =
        env.ghl()
            .seedContacts(
                40,
                (contact, index) -> {
                  if (index % 4 == 0) {
                    contact.tags(DemoEnvironment.TAG);
                  }
                });
    for (int index = 0; index < seeded.size(); index += 4) {
      tagged.add(seeded.get(index));
    }

    Run dryRun = run(List.of("import", "--dry-run", "--show", "2"));
    assertThat(dryRun.exit()).as(dryRun.err()).isZero();
    assertThat(dryRun.err()).isEqualTo(usingService() + "\n");
    assertThat(dryRun.out())
        .containsPattern("planning: 41/41 \\(100%\\)")
        .contains("dry run: 41 contacts walked, 10 with something to do, 31 with nothing to do")
        .contains("nothing was written", "course-101 \u2192 issue-badge: 10");
    assertThat(dryRun.out().lines().filter(line -> line.startsWith("contact ")).count())
        .isEqualTo(2);
    assertThat(env.credly().badges()).isEmpty();

    Run imported = run(List.of("import", "--location", env.ghl().locationId()));

    assertThat(imported.exit()).as(imported.out() + imported.err()).isZero();
    assertThat(imported.err()).isEqualTo(usingService() + "\n");
    assertThat(imported.out())
        .containsPattern("importing: 41/41 \\(100%\\)")
        .containsPattern("applying: 41/41 \\(100%\\)")
        .containsPattern(
            "import done: 41 walked, 41 queued, 0 skipped, 1 pages in \\d+:\\d\\d:\\d\\d");
    for (String contact : tagged) {
      assertThat(env.credly().countBadges(template.id(), contact)).as(contact).isEqualTo(1);
    }
    assertThat(env.credly().badges()).hasSize(tagged.size());

    Run since = run(List.of("import", "--since", "2999-01-01", "--restart"));
    assertThat(since.exit()).as(since.err()).isZero();
    assertThat(since.out()).contains("import done: 0 walked, 0 queued, 0 skipped");
  }

  @Test
  void operatorsAreManagedByTheServiceAndListedAsTheDatabaseListsThem() {
    Run add =
        run(List.of("operators", "add", "Ops@Example.com", "--role", "editor", "--name", "Ops"));
    Run role = run(List.of("operators", "role", "ops@example.com", "viewer"));
    Run disable = run(List.of("operators", "disable", "ops@example.com"));
    Run unknown = run(List.of("operators", "enable", "nobody@example.com"));
    Run list = run(List.of("operators", "list"));

    assertThat(add.exit()).as(add.err()).isZero();
    assertThat(add.err()).isEqualTo(usingService() + "\n");
    List<String> added = add.out().lines().toList();
    assertThat(added.get(0))
        .startsWith("invited ops@example.com as editor; send them this one-time link");
    assertThat(added.get(1)).startsWith("http://localhost:" + env.engine().port() + "/");
    assertThat(role.out()).isEqualTo("ops@example.com is now viewer\n");
    assertThat(disable.out()).isEqualTo("ops@example.com disabled; their sessions have ended\n");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("error: no operator has the email nobody@example.com");
    assertThat(list.out())
        .containsPattern("ops@example.com +Ops +viewer +disabled +\\S+ by admin-token")
        .contains(DemoEnvironment.ADMIN_EMAIL);

    env.stopEngine();
    Run local = run(List.of("operators", "list"));
    assertThat(local.err()).isEqualTo(NO_SERVICE + "\n");
    assertThat(local.out()).isEqualTo(list.out());
  }

  @Test
  void commandsThatReadOurDataNeedNoGhlOrCredlySecret() throws IOException {
    Path withoutSecrets =
        copyOfTheConfiguration(
            text ->
                text.replaceAll("private-token-file: .*", "private-token: \\${GHL_PRIVATE_TOKEN}")
                    .replaceAll("  token-file: .*", "  token: \\${CREDLY_ORG_TOKEN}"));

    Run list = run(List.of("dead-letters", "list", "-c", withoutSecrets.toString()));
    Run audit = run(List.of("audit", "--contact", ada, "-c", withoutSecrets.toString()));
    Run operators = run(List.of("operators", "list", "-c", withoutSecrets.toString()));

    assertThat(list.exit()).as(list.err()).isZero();
    assertThat(list.out()).contains(ada);
    assertThat(audit.exit()).as(audit.err()).isZero();
    assertThat(operators.exit()).as(operators.err()).isZero();
    assertThat(operators.out()).contains(DemoEnvironment.ADMIN_EMAIL);
    env.stopEngine();
    Run local = run(List.of("dead-letters", "list", "-c", withoutSecrets.toString()));
    assertThat(local.exit()).as(local.err()).isZero();
    assertThat(local.out()).isEqualTo(list.out());
  }

  @Test
  void aConfigurationWithoutTheAdminTokenSaysSoWhileTheServiceRuns() throws IOException {
    Path withoutToken =
        copyOfTheConfiguration(text -> text.replaceAll("  admin-token-file: .*\n", ""));

    Run run = run(List.of("dead-letters", "list", "-c", withoutToken.toString()));

    if (embedded()) {
      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err())
          .contains("a service runs for this configuration (pid " + ProcessHandle.current().pid())
          .contains("sets no server.admin-token")
          .contains("held by the service")
          .doesNotContain("already in use");
    } else {
      assertThat(run.exit()).as(run.err()).isZero();
      assertThat(run.err()).contains("sets no server.admin-token", "opening the database directly");
      assertThat(run.out()).contains(ada);
    }
  }

  @Test
  void aStaleRuntimeFileOfAKilledServiceIsIgnored() throws IOException {
    Path runtimeFile = runtimeFile();
    String written = Files.readString(runtimeFile);
    env.stopEngine();
    assertThat(runtimeFile).as("removed at an orderly stop").doesNotExist();
    // As a killed service leaves it: a process id that no longer runs.
    Files.writeString(
        runtimeFile, written.replaceFirst("\"pid\":\\d+", "\"pid\":" + Integer.MAX_VALUE));

    Run run = run(List.of("dead-letters", "list"));

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).isEqualTo(NO_SERVICE + "\n");
    assertThat(run.out()).contains(ada);
  }

  Path runtimeFile() throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith(".json"))
          .filter(file -> file.getFileName().toString().contains("service"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no runtime file in " + folder));
    }
  }

  String usingService() {
    return "using the running service at http://127.0.0.1:" + env.engine().port() + " (admin API)";
  }

  Path copyOfTheConfiguration(UnaryOperator<String> change) throws IOException {
    Path copy = folder.resolve("changed.yaml");
    Files.writeString(copy, change.apply(Files.readString(env.configFile())));
    return copy;
  }

  /** What one command printed, and its exit code. */
  record Run(int exit, String out, String err) {}

  /**
   * Runs a command as an operator would; {@code -c} the demo's file unless the command names one.
   */
  Run run(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = RootCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(args);
    if (!all.contains("-c")) {
      all.add("-c");
      all.add(env.configFile().toString());
    }
    int exit = commandLine.execute(all.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }
}

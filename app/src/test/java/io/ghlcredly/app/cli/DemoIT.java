package io.ghlcredly.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ghlcredly.app.config.ConfigLoader;
import io.ghlcredly.app.config.CredlyConfig;
import io.ghlcredly.app.config.WorkspaceConfig;
import io.ghlcredly.app.demo.Demo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The README's first command, as a user runs it. */
class DemoIT {
  private static final String PROGRAM = "  ./ghl-credly ";
  private static final Pattern FOLDER = Pattern.compile("data and config in (\\S+), ");
  private static final Pattern WORKSPACE =
      Pattern.compile(
          "^Open the workspace: (http://127\\.0\\.0\\.1:\\d+/admin) — first, set your password"
              + " here \\(valid 72 hours, once\\): (\\1/welcome\\?token=([A-Za-z0-9_-]{43}))$",
          Pattern.MULTILINE);

  @Test
  void demoIssuesEachExpectedBadgeOnceAndExitsZero() {
    StringWriter out = new StringWriter();
    CommandLine commandLine = RootCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));

    int exit = commandLine.execute("demo", "--exit-after-scenario");

    assertThat(exit).as(out.toString()).isZero();
    assertThat(out.toString())
        .contains("engine answered 200")
        .contains("engine answered 409")
        .contains("Credly answered 500 twice")
        .contains("[0] agency installs the app: all 3 locations connected")
        .containsPattern(
            "Credly organization \"South Academy Credly\": badge \"Nursing Basics\" issued to"
                + " Florence Nightingale")
        .contains("organization \"North Academy Credly\": 2 badges, none for Florence Nightingale")
        .contains("held: location West Academy (")
        .containsPattern(
            "demo summary: events received=6 badges issued=3 duplicates prevented=1 failures=0 result=OK");
    // The engine and the emulators stopped, the folder is gone: nothing left in the temp directory.
    Path folder = demoFolder(out.toString());
    assertThat(folder).doesNotExist();
    assertThat(out.toString()).endsWith("removed the demo's folder " + folder + "\n");
  }

  @Test
  void keepLeavesTheFolderInPlaceAndSaysWhere() throws IOException {
    Run demo = run("demo", "--exit-after-scenario", "--keep");
    Path folder = demoFolder(demo.out());
    try {
      assertThat(demo.exit()).as(demo.out()).isZero();
      assertThat(demo.out())
          .contains("kept after the demo (--keep)")
          .endsWith("kept the demo's folder (--keep): " + folder + "\n");
      assertThat(folder.resolve("ghl-credly.yaml")).isRegularFile();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
          .isEqualTo("rwx------");
    } finally {
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  @Test
  void theRunningDemoAnswersTheCommandsItPrintsFromASecondTerminal(@TempDir Path parent)
      throws Exception {
    StringWriter narration = new StringWriter();
    CountDownLatch stop = new CountDownLatch(1);
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> demo =
          runner.submit(
              () ->
                  Demo.run(
                      new PrintWriter(narration, true),
                      new Demo.Options(false, false),
                      parent,
                      stop));
      await()
          .atMost(Duration.ofMinutes(2))
          .until(() -> demo.isDone() || narration.toString().contains("Open the workspace: "));
      Path folder = demoFolder(narration.toString());
      assertThat(folder.getParent()).isEqualTo(parent);
      // Owner-only while it exists: whatever the umask gave the H2 files, no one else gets in.
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
          .isEqualTo("rwx------");
      List<String> printed =
          narration.toString().lines().filter(line -> line.startsWith(PROGRAM)).toList();
      Path config = folder.resolve("ghl-credly.yaml").toAbsolutePath();

      assertThat(narration.toString())
          .contains("from a second terminal, commands reach it through its admin API");
      assertThat(printed)
          .hasSize(4)
          .allSatisfy(line -> assertThat(line).endsWith(" -c " + config))
          .first()
          .isEqualTo(PROGRAM + "dead-letters list -c " + config);
      for (String line : printed) {
        Run run = run(line.substring(PROGRAM.length()).split(" "));
        assertThat(run.exit()).as(line + "\n" + run.err()).isZero();
        assertThat(run.err()).as(line).startsWith("using the running service at http://127.0.0.1:");
      }
      assertThat(run(printed.get(0).substring(PROGRAM.length()).split(" ")).out())
          .isEqualTo("no dead letters\n");
      assertThat(run(printed.get(1).substring(PROGRAM.length()).split(" ")).out())
          .contains("event", "badge", "issued");
      assertThat(run(printed.get(3).substring(PROGRAM.length()).split(" ")).out())
          .contains("dry run: 3 contacts walked", "nothing was written");
      // The file names its secrets as owner-only files: it works without any environment.
      String yaml = Files.readString(config);
      assertThat(yaml)
          .doesNotContain("${")
          .contains("admin-token-file:", "client-secret-file:", "workspaces:");
      for (String secret :
          List.of(
              "admin-token",
              "admin-password",
              "ghl-client-secret",
              "credly-token-north",
              "credly-token-south")) {
        assertThat(
                PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(folder.resolve(secret))))
            .as(secret)
            .isEqualTo("rw-------");
      }

      Run check = run("config", "check", "--offline", config.toString());
      assertThat(check.exit()).as(check.err()).isZero();

      // Each academy's badges, as its own Credly organization lists them: the right template for
      // the right contacts, and none of the other academy's.
      String ada = seededContact(narration.toString(), "Ada Lovelace");
      String grace = seededContact(narration.toString(), "Grace Hopper");
      String florence = seededContact(narration.toString(), "Florence Nightingale");
      Map<String, List<IssuedBadge>> badges = badgesByWorkspace(config);
      assertThat(badges.get("north"))
          .containsExactlyInAnyOrder(
              new IssuedBadge("Course 101 Graduate", ada),
              new IssuedBadge("Course 101 Graduate", grace));
      assertThat(badges.get("south")).containsExactly(new IssuedBadge("Nursing Basics", florence));

      editorSetsAPasswordWithTheLinkAndSeesTheOverview(narration.toString());

      stop.countDown();
      assertThat(demo.get(1, TimeUnit.MINUTES)).isZero();
      assertThat(folder).doesNotExist();
      assertThat(narration.toString()).endsWith("removed the demo's folder " + folder + "\n");
    } finally {
      stop.countDown();
      runner.shutdown();
    }
  }

  /**
   * The printed link as a person uses it: opens the welcome page, sets a password through its form,
   * lands signed in on the overview, which the workspace URL shows from then on.
   */
  private static void editorSetsAPasswordWithTheLinkAndSeesTheOverview(String narration)
      throws Exception {
    Matcher printed = WORKSPACE.matcher(narration);
    assertThat(printed.find()).as(narration).isTrue();
    URI workspace = URI.create(printed.group(1));
    try (HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.ALWAYS)
            .build()) {
      HttpResponse<String> welcome =
          browser.send(
              HttpRequest.newBuilder(URI.create(printed.group(2))).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(welcome.statusCode()).as(welcome.body()).isEqualTo(200);
      assertThat(welcome.body()).contains("editor@demo.example", "invited as editor");

      String password = "a few unrelated words";
      String form =
          "token="
              + printed.group(3)
              + "&password="
              + URLEncoder.encode(password, StandardCharsets.UTF_8)
              + "&confirmation="
              + URLEncoder.encode(password, StandardCharsets.UTF_8);
      HttpResponse<String> signedIn =
          browser.send(
              HttpRequest.newBuilder(workspace.resolve("/admin/welcome"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
      assertThat(signedIn.body()).contains("Signed in as", "(editor)");

      HttpResponse<String> overview =
          browser.send(
              HttpRequest.newBuilder(workspace).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(overview.statusCode()).as(overview.body()).isEqualTo(200);
      assertThat(overview.body()).contains("Signed in as", "(editor)", "North Academy");

      // Once: the link has done its work.
      HttpResponse<String> again =
          browser.send(
              HttpRequest.newBuilder(URI.create(printed.group(2))).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(again.statusCode()).isEqualTo(410);
    }
  }

  /** The folder the demo's first line names. */
  private static Path demoFolder(String narration) {
    Matcher named = FOLDER.matcher(narration);
    assertThat(named.find()).as(narration).isTrue();
    return Path.of(named.group(1));
  }

  private record Run(int exit, String out, String err) {}

  /** A badge as Credly lists it: its template's name and the GHL contact it was issued for. */
  private record IssuedBadge(String template, String contact) {}

  /** The id of a contact the narration says it seeded: "Ada Lovelace (a1B2…)". */
  private static String seededContact(String narration, String name) {
    Matcher seeded =
        Pattern.compile("seeded .*" + Pattern.quote(name) + " \\(([A-Za-z0-9]+)\\)")
            .matcher(narration);
    assertThat(seeded.find()).as(name + " in\n" + narration).isTrue();
    return seeded.group(1);
  }

  /**
   * Every badge of each workspace's Credly organization, read from the emulator with the
   * workspace's own credentials from the demo's configuration.
   */
  private static Map<String, List<IssuedBadge>> badgesByWorkspace(Path config) throws Exception {
    Map<String, List<IssuedBadge>> badges = new HashMap<>();
    try (HttpClient client = HttpClient.newHttpClient()) {
      for (WorkspaceConfig workspace : ConfigLoader.load(config, Map.of()).workspaces()) {
        CredlyConfig credly = workspace.credly();
        String token = Objects.requireNonNull(credly.token(), "token").reveal() + ":";
        HttpResponse<String> listed =
            client.send(
                HttpRequest.newBuilder(
                        URI.create(
                            Objects.requireNonNull(credly.baseUrl(), "base-url")
                                + "/organizations/"
                                + credly.organizationId()
                                + "/badges"))
                    .header(
                        "Authorization",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString(token.getBytes(StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        List<IssuedBadge> issued = new ArrayList<>();
        for (JsonNode badge : new ObjectMapper().readTree(listed.body()).path("data")) {
          issued.add(
              new IssuedBadge(
                  badge.path("badge_template").path("name").asText(),
                  badge.path("issuer_earner_id").asText()));
        }
        badges.put(workspace.id().value(), issued);
      }
    }
    return badges;
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = RootCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exit = commandLine.execute(Arrays.copyOf(args, args.length));
    return new Run(exit, out.toString(), err.toString());
  }
}

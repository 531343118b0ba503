package io.ghlcredly.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ghlcredly.app.demo.Demo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The README's first command, as a user runs it. */
class DemoIT {
  private static final String PROGRAM = "  ./ghl-credly ";

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
        .containsPattern(
            "demo summary: events received=4 badges issued=2 duplicates prevented=1 failures=0 result=OK");
  }

  @Test
  void theRunningDemoAnswersTheCommandsItPrintsFromASecondTerminal(@TempDir Path folder)
      throws Exception {
    StringWriter narration = new StringWriter();
    CountDownLatch stop = new CountDownLatch(1);
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> demo =
          runner.submit(() -> Demo.run(new PrintWriter(narration, true), false, folder, stop));
      await()
          .atMost(Duration.ofMinutes(2))
          .until(() -> demo.isDone() || narration.toString().contains("press Ctrl-C to stop"));
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
      assertThat(yaml).doesNotContain("${").contains("admin-token-file:", "private-token-file:");
      for (String secret : List.of("admin-token", "ghl-token", "credly-token")) {
        assertThat(
                PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(folder.resolve(secret))))
            .as(secret)
            .isEqualTo("rw-------");
      }

      Run check = run("config", "check", "--offline", config.toString());
      assertThat(check.exit()).as(check.err()).isZero();

      stop.countDown();
      assertThat(demo.get(1, TimeUnit.MINUTES)).isZero();
    } finally {
      stop.countDown();
      runner.shutdown();
    }
  }

  private record Run(int exit, String out, String err) {}

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

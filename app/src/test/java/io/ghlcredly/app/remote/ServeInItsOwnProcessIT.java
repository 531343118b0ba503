package io.ghlcredly.app.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ghlcredly.app.Main;
import io.ghlcredly.app.cli.RootCommand;
import io.ghlcredly.app.config.ConfigLoader;
import io.ghlcredly.app.config.OperatorConfig;
import io.ghlcredly.app.demo.DemoEnvironment;
import io.ghlcredly.testkit.process.ChildJvm;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code serve} in its own JVM on the embedded H2 file, which H2 then lets no other process open
 * (the "Database may be already in use" that operator commands used to fail with): commands of
 * another process go through its admin API; killed with SIGKILL it leaves its runtime file behind,
 * and the commands open the file again.
 */
class ServeInItsOwnProcessIT {
  private static final Duration START = Duration.ofSeconds(90);

  @TempDir Path folder;
  private DemoEnvironment env;
  private ChildJvm serve;
  private int port;
  private OperatorConfig config;

  @BeforeEach
  void serveTheDemoConfigurationInAnotherJvm() {
    env = DemoEnvironment.start(folder, Duration.ofMillis(500));
    env.stopEngine();
    config = ConfigLoader.loadOperatorConfig(env.configFile(), Map.of());
    port = config.server().port();
    // The file works on its own: no environment, its secrets are files beside it.
    serve =
        ChildJvm.of(Main.class.getName())
            .name("serve")
            .workDir(folder)
            .jvmOption("-Xmx256m")
            .args("serve", "-c", env.configFile().toString())
            .start();
    serve.awaitHttpOk(URI.create("http://127.0.0.1:" + port + "/health/live"), START);
    env.ghl().sendWebhooksTo(URI.create("http://127.0.0.1:" + port + "/webhooks/ghl"));
  }

  @AfterEach
  void stopEverything() {
    serve.close();
    env.close();
  }

  @Test
  void commandsOfAnotherProcessGoThroughTheServiceAndOpenTheFileOnceItIsKilled() {
    List<String> contacts =
        env.ghl().seedContacts(12, (contact, index) -> contact.tags(DemoEnvironment.TAG));
    String using = "using the running service at http://127.0.0.1:" + port + " (admin API)\n";

    Run list = run("dead-letters", "list");
    Run imported = run("import");
    Run audit = run("audit", "--contact", contacts.getFirst());

    assertThat(list.exit()).as(list.err()).isZero();
    assertThat(list.err()).isEqualTo(using);
    assertThat(list.out()).isEqualTo("no dead letters\n");
    assertThat(imported.exit()).as(imported.err() + serve.tail()).isZero();
    assertThat(imported.err()).isEqualTo(using);
    assertThat(imported.out()).contains("import done: 12 walked, 12 queued, 0 skipped, 1 pages");
    assertThat(env.credly().badges()).hasSize(12);
    assertThat(audit.err()).isEqualTo(using);
    assertThat(audit.out()).contains("badge", env.template().id(), "issued");

    serve.kill();
    assertThat(ServiceRuntimeFile.location(config)).as("a killed service leaves it").exists();
    Run afterwards = run("audit", "--contact", contacts.getFirst());

    assertThat(afterwards.exit()).as(afterwards.err()).isZero();
    assertThat(afterwards.err())
        .isEqualTo("no service running for this configuration: opening the database directly\n");
    assertThat(afterwards.out()).isEqualTo(audit.out());
  }

  @Test
  void withoutTheAdminTokenACommandSaysSoInsteadOfFailingOnTheLock() throws IOException {
    Path withoutToken = copy(text -> text.replaceAll("  admin-token-file: .*\n", ""));

    Run run = run("dead-letters", "list", "-c", withoutToken.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("error: a service runs for this configuration (pid " + serve.pid())
        .contains("sets no server.admin-token", "held by the service")
        .doesNotContain("already in use");
  }

  @Test
  void aFileHeldWithNoServiceToAskIsExplained() throws IOException {
    Files.delete(ServiceRuntimeFile.location(config));
    Path withoutToken = copy(text -> text.replaceAll("  admin-token-file: .*\n", ""));

    Run run = run("audit", "--contact", "nobody", "-c", withoutToken.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains("no service running for this configuration")
        .contains("is held by another process (a `serve` or `demo` of this configuration?)")
        .contains("server.admin-token");
  }

  @Test
  @Timeout(60)
  void aSecondServeOnATakenPortSaysWhy() throws IOException {
    Path otherDatabase =
        copy(
            text ->
                text.replace(
                    folder.resolve("ghl-credly").toString(), folder.resolve("other").toString()));

    Run run = run("serve", "-c", otherDatabase.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .contains("error: cannot listen on 0.0.0.0:" + port + ": Address already in use")
        .contains("another process listens there");
    await().atMost(Duration.ofSeconds(5)).until(() -> serve.isAlive());
  }

  @Test
  void withAManagementPortCommandsFindTheAdminApiThere() throws IOException {
    int management;
    try (ServerSocket socket = new ServerSocket(0)) {
      management = socket.getLocalPort();
    }
    Path withManagementPort =
        copy(text -> text.replace("server:\n", "server:\n  management-port: " + management + "\n"));
    serve.stop(Duration.ofSeconds(30));
    serve =
        ChildJvm.of(Main.class.getName())
            .name("serve-management")
            .workDir(folder)
            .jvmOption("-Xmx256m")
            .args("serve", "-c", withManagementPort.toString())
            .start();
    serve.awaitHttpOk(URI.create("http://127.0.0.1:" + port + "/health/live"), START);

    Run run = run("dead-letters", "list", "-c", withManagementPort.toString());

    assertThat(run.exit()).as(run.err() + serve.tail()).isZero();
    assertThat(run.err())
        .isEqualTo(
            "using the running service at http://127.0.0.1:" + management + " (admin API)\n");
    assertThat(run.out()).isEqualTo("no dead letters\n");
  }

  private Path copy(java.util.function.UnaryOperator<String> change) throws IOException {
    Path copy = folder.resolve("changed.yaml");
    Files.writeString(copy, change.apply(Files.readString(env.configFile())));
    return copy;
  }

  private record Run(int exit, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = RootCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of(args));
    if (!all.contains("-c")) {
      all.add("-c");
      all.add(env.configFile().toString());
    }
    int exit = commandLine.execute(all.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }
}

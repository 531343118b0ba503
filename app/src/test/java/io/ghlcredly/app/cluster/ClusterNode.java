package io.ghlcredly.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.app.Main;
import io.ghlcredly.app.TestOperators;
import io.ghlcredly.core.model.OperatorRole;
import io.ghlcredly.storage.Database;
import io.ghlcredly.testkit.process.ChildJvm;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code ghl-credly serve} instance of a cluster in its own JVM: the shared configuration file,
 * its own port, public URL and instance name (through {@code GCS_…} overrides), the shared secret
 * key in {@code GCS_SECRET_KEY}.
 */
final class ClusterNode implements AutoCloseable {
  private static final Pattern APPLIED =
      Pattern.compile(
          "(?m)^ghlcredly_jobs_total\\{[^}]*outcome=\"applied\"[^}]*}\\s+([0-9.eE+-]+)$");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final int port;
  private final ChildJvm jvm;

  private ClusterNode(String name, int port, ChildJvm jvm) {
    this.name = name;
    this.port = port;
    this.jvm = jvm;
  }

  /** Starts {@code serve -c config} in a new JVM; does not wait for it. */
  static ClusterNode start(String name, Path workDir, Path config, Map<String, String> env)
      throws IOException {
    int port = freePort();
    ChildJvm.Builder builder =
        ChildJvm.of(Main.class.getName())
            .name(name)
            .workDir(workDir)
            .jvmOption("-Xmx256m")
            .jvmOption("-XX:TieredStopAtLevel=1")
            .args("serve", "-c", config.toString())
            .env("GCS_SERVER_PORT", Integer.toString(port))
            .env("GCS_SERVER_PUBLIC_URL", "http://127.0.0.1:" + port)
            .env("GCS_SERVER_INSTANCE_NAME", name);
    env.forEach(builder::env);
    return new ClusterNode(name, port, builder.start());
  }

  void awaitLive(Duration timeout) {
    jvm.awaitHttpOk(url("/health/live"), timeout);
  }

  String name() {
    return name;
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  URI webhookUrl() {
    return url("/webhooks/ghl");
  }

  boolean isAlive() {
    return jvm.isAlive();
  }

  /** Waits for the process to end by itself; its exit code, or empty when it still runs. */
  OptionalInt awaitExit(Duration timeout) {
    return jvm.waitFor(timeout) ? OptionalInt.of(jvm.exitValue()) : OptionalInt.empty();
  }

  String output() {
    return jvm.output();
  }

  /** SIGKILL: no shutdown hook, no hand-back of running jobs. */
  void kill() {
    jvm.kill();
  }

  /**
   * A signed-in admin installs the app through this instance (for the location or the company GHL
   * consents as); the tokens land in the shared database.
   */
  void installApp(Database database) throws IOException, InterruptedException {
    TestOperators.Credentials admin = TestOperators.add(database, OperatorRole.ADMIN);
    try (HttpClient browser = TestOperators.signedIn(url("/"), admin)) {
      HttpResponse<String> installed =
          browser.send(
              HttpRequest.newBuilder(url("/oauth/ghl/start")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(installed.statusCode()).as(installed.body()).isEqualTo(200);
    }
  }

  /** Contact-sync jobs this instance ran to the end, from its own metrics. */
  double jobsApplied() throws IOException, InterruptedException {
    String metrics =
        HTTP.send(
                HttpRequest.newBuilder(url("/metrics")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher applied = APPLIED.matcher(metrics);
    return applied.find() ? Double.parseDouble(applied.group(1)) : 0;
  }

  String tail() {
    return jvm.tail();
  }

  @Override
  public void close() {
    if (jvm.isAlive()) {
      jvm.stop(Duration.ofSeconds(15));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

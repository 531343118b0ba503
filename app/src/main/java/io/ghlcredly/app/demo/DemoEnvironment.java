package io.ghlcredly.app.demo;

import io.ghlcredly.app.Application;
import io.ghlcredly.app.config.AppConfig;
import io.ghlcredly.app.config.ConfigLoader;
import io.ghlcredly.storage.JobQueueSettings;
import io.ghlcredly.testkit.credly.BadgeTemplate;
import io.ghlcredly.testkit.credly.CredlyEmulator;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;

/**
 * Everything the demo runs on: a GHL emulator, a Credly emulator with one badge template, and the
 * engine on embedded H2 in a fresh folder, configured by a real YAML file written there.
 */
final class DemoEnvironment implements AutoCloseable {
  static final String TAG = "course-101-complete";

  final Path folder;
  final Path configFile;
  final GhlEmulator ghl;
  final CredlyEmulator credly;
  final BadgeTemplate template;
  final Application application;

  private DemoEnvironment(
      Path folder,
      Path configFile,
      GhlEmulator ghl,
      CredlyEmulator credly,
      BadgeTemplate template,
      Application application) {
    this.folder = folder;
    this.configFile = configFile;
    this.ghl = ghl;
    this.credly = credly;
    this.template = template;
    this.application = application;
  }

  static DemoEnvironment start(Path folder) {
    GhlEmulator ghl = GhlEmulator.start();
    CredlyEmulator credly = CredlyEmulator.start();
    BadgeTemplate template = credly.seedTemplate("Course 101 Complete");
    int port = freePort();
    Path configFile = folder.resolve("ghl-credly.yaml");
    write(configFile, yaml(folder, port, ghl, credly, template));
    Map<String, String> env =
        Map.of(
            "DEMO_GHL_TOKEN", ghl.accessToken().reveal(),
            "DEMO_CREDLY_TOKEN", credly.authToken().reveal());
    AppConfig config = ConfigLoader.load(configFile, env);
    JobQueueSettings jobs =
        new JobQueueSettings(
            config.jobs().workers(),
            Duration.ofMillis(100),
            Duration.ofSeconds(2),
            Duration.ofSeconds(10),
            Duration.ofSeconds(5));
    Application application = Application.start(config, jobs, InstantSource.system());
    ghl.sendWebhooksTo(URI.create("http://127.0.0.1:" + application.port() + "/webhooks/ghl"));
    return new DemoEnvironment(folder, configFile, ghl, credly, template, application);
  }

  private static String yaml(
      Path folder, int port, GhlEmulator ghl, CredlyEmulator credly, BadgeTemplate template) {
    return """
        # Written by `ghl-credly demo`: the engine's configuration, pointing at the local emulators.
        server:
          port: %d
        storage:
          url: jdbc:h2:file:%s
        secrets:
          key-file: %s
        ghl:
          auth:
            mode: private-token
            private-token: ${DEMO_GHL_TOKEN}
          base-url: %s
          webhooks:
            max-age: 5m
            ed25519-public-keys:
              - |
        %s
            rsa-public-keys:
              - |
        %s
        credly:
          environment: sandbox
          base-url: %s
          organization-id: %s
          auth:
            token: ${DEMO_CREDLY_TOKEN}
        jobs:
          workers: 2
          max-attempts: 5
          initial-backoff: 300ms
          max-backoff: 2s
        rules:
          - id: course-101
            when: { tag-added: %s }
            do:
              - issue-badge: { template: %s, evidence: "Completed Course 101" }
        """
        .formatted(
            port,
            folder.resolve("ghl-credly").toAbsolutePath(),
            folder.resolve("secret.key").toAbsolutePath(),
            ghl.baseUrl(),
            indent(ghl.ed25519PublicKeyPem()),
            indent(ghl.rsaPublicKeyPem()),
            credly.baseUrl(),
            credly.organizationId(),
            TAG,
            template.id());
  }

  private static String indent(String pem) {
    return pem.strip().lines().map(line -> "            " + line).reduce((a, b) -> a + "\n" + b).orElse("");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port for the demo", e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  @Override
  public void close() {
    application.close();
    ghl.close();
    credly.close();
  }
}

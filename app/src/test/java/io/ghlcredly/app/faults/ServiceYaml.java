package io.ghlcredly.app.faults;

import io.ghlcredly.testkit.credly.CredlyEmulator;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The configuration file of a service under fault: the emulators' URLs and webhook keys, a storage
 * URL, job retries and the test's rules. Tokens are read from the environment ({@link #env()}), as
 * an operator's file would. Not thread-safe.
 */
final class ServiceYaml {
  private final GhlEmulator ghl;
  private final CredlyEmulator credly;
  private final int port = freePort();
  private String storageUrl;
  private String rules = "";
  private String extra = "";
  private @Nullable Duration reconcileEvery;
  private int maxAttempts = 8;
  private Duration initialBackoff = Duration.ofMillis(300);
  private Duration maxBackoff = Duration.ofSeconds(2);
  private Duration credlyTimeout = Duration.ofSeconds(5);

  ServiceYaml(GhlEmulator ghl, CredlyEmulator credly, String storageUrl) {
    this.ghl = ghl;
    this.credly = credly;
    this.storageUrl = storageUrl;
  }

  int port() {
    return port;
  }

  ServiceYaml storageUrl(String url) {
    this.storageUrl = url;
    return this;
  }

  /** Rule list items, each starting with {@code - id:} at the start of a line. */
  ServiceYaml rules(String yaml) {
    this.rules = yaml;
    return this;
  }

  /** More top-level sections, such as {@code mapping:}. */
  ServiceYaml extra(String yaml) {
    this.extra = yaml;
    return this;
  }

  /** Polls the emulator's location this often (null: no reconciliation pass). */
  ServiceYaml reconcileEvery(@Nullable Duration every) {
    this.reconcileEvery = every;
    return this;
  }

  ServiceYaml retries(int attempts, Duration initial, Duration max) {
    this.maxAttempts = attempts;
    this.initialBackoff = initial;
    this.maxBackoff = max;
    return this;
  }

  ServiceYaml credlyTimeout(Duration timeout) {
    this.credlyTimeout = timeout;
    return this;
  }

  /** The environment the file's {@code ${…}} references need. */
  Map<String, String> env() {
    return Map.of(
        "FAULTS_GHL_TOKEN", ghl.accessToken().reveal(),
        "FAULTS_CREDLY_TOKEN", credly.authToken().reveal());
  }

  /** Writes {@code ghl-credly.yaml} into the folder (the secret key goes there too). */
  Path writeTo(Path folder) {
    Path file = folder.resolve("ghl-credly.yaml");
    try {
      Files.writeString(file, text(folder), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return file;
  }

  private String text(Path folder) {
    String reconcile =
        reconcileEvery == null
            ? "  reconcile:\n    enabled: false\n"
            : "  reconcile:\n    every: %dms\n    lookback: 1m\n"
                .formatted(reconcileEvery.toMillis());
    return """
        server:
          port: %d
        storage:
          url: "%s"
        secrets:
          key-file: %s
        ghl:
          auth:
            mode: private-token
            private-token: ${FAULTS_GHL_TOKEN}
          base-url: %s
          locations: [%s]
        %s  webhooks:
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
          timeout: %dms
          auth:
            token: ${FAULTS_CREDLY_TOKEN}
        jobs:
          workers: 4
          max-attempts: %d
          initial-backoff: %dms
          max-backoff: %dms
        rules:
        %s
        %s
        """
        .formatted(
            port,
            storageUrl,
            folder.resolve("secret.key").toAbsolutePath(),
            ghl.baseUrl(),
            ghl.locationId(),
            reconcile,
            indent(ghl.ed25519PublicKeyPem()),
            indent(ghl.rsaPublicKeyPem()),
            credly.baseUrl(),
            credly.organizationId(),
            credlyTimeout.toMillis(),
            maxAttempts,
            initialBackoff.toMillis(),
            maxBackoff.toMillis(),
            rules.strip().indent(2).stripTrailing(),
            extra);
  }

  private static String indent(String pem) {
    return pem.strip().indent(12).stripTrailing();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}

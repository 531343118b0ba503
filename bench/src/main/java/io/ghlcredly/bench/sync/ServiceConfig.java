package io.ghlcredly.bench.sync;

import io.ghlcredly.testkit.credly.CredlyEmulator;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The YAML configuration of a service under test: both emulators, one rule (tag {@link #TAG} issues
 * the bench template), the benchmark's webhook key, and the run's workers and database. Secrets go
 * through the environment, as in production.
 */
final class ServiceConfig {
  /** The tag whose rule issues a badge. */
  static final String TAG = "bench-course-complete";

  private ServiceConfig() {}

  /** What every instance of one run shares. */
  record Shared(
      GhlEmulator ghl,
      CredlyEmulator credly,
      String templateId,
      String webhookKeyPem,
      String storageUrl,
      Path keyFile,
      int workers,
      int credlyConcurrency,
      double budgetShare,
      String settle) {}

  static Map<String, String> env(Shared shared) {
    return Map.of(
        "BENCH_GHL_TOKEN", shared.ghl().accessToken().reveal(),
        "BENCH_CREDLY_TOKEN", shared.credly().authToken().reveal());
  }

  /** Writes an instance's configuration file and returns it. */
  static Path write(Path file, int port, Shared shared) {
    String yaml =
        """
        server:
          port: %d
        storage:
          url: %s
        secrets:
          key-file: %s
        ghl:
          auth:
            mode: private-token
            private-token: ${BENCH_GHL_TOKEN}
          base-url: %s
          locations: [%s]
          reconcile:
            enabled: false
            budget-share: %s
          webhooks:
            max-age: 1h
            ed25519-public-keys:
              - |
        %s
        credly:
          environment: sandbox
          base-url: %s
          organization-id: %s
          max-concurrency: %d
          auth:
            token: ${BENCH_CREDLY_TOKEN}
        jobs:
          workers: %d
        %s
        rules:
          - id: bench-course
            when: { tag-added: %s }
            do:
              - issue-badge: { template: %s, evidence: "Completed the bench course" }
        """
            .formatted(
                port,
                shared.storageUrl(),
                shared.keyFile().toAbsolutePath(),
                shared.ghl().baseUrl(),
                shared.ghl().locationId(),
                shared.budgetShare(),
                indent(shared.webhookKeyPem()),
                shared.credly().baseUrl(),
                shared.credly().organizationId(),
                shared.credlyConcurrency(),
                shared.workers(),
                // jobs.settle: the service's default unless the run sets one.
                shared.settle().isBlank() ? "" : "  settle: " + shared.settle(),
                TAG,
                shared.templateId());
    try {
      Files.writeString(file, yaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  private static String indent(String pem) {
    return pem.strip()
        .lines()
        .map(line -> "            " + line)
        .reduce((a, b) -> a + "\n" + b)
        .orElse("");
  }
}

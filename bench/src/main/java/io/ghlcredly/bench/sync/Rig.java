package io.ghlcredly.bench.sync;

import io.ghlcredly.testkit.credly.CredlyEmulator;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import io.ghlcredly.testkit.ghl.GhlEmulatorSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One run's world: both emulators at a latency, a database, a webhook key, and the service
 * instances started on them. Closing stops the instances, then the emulators, then drops the
 * database.
 */
final class Rig implements AutoCloseable {
  /** Stands in for traffic spread over many locations, each within its own 100 per 10 s. */
  private static final int RAISED_BURST = 1_000_000;

  /** How long {@link #awaitDrained} waits for an answer to {@code /metrics} before it gives up. */
  private static final Duration UNANSWERED_METRICS = Duration.ofMinutes(2);

  final GhlEmulator ghl;
  final CredlyEmulator credly;
  final BenchDatabase database;
  final SignedWebhooks webhooks;
  final ServiceConfig.Shared shared;
  final Path folder;
  private final BenchSettings settings;
  private final List<ServiceProcess> instances = new ArrayList<>();

  /**
   * @param realLimits HighLevel's 100 per 10 s per location (imports); otherwise raised so that
   *     webhook-driven runs measure the service, not one location's budget
   */
  Rig(BenchSettings settings, String db, Duration latency, boolean realLimits, String name) {
    this.settings = settings;
    try {
      this.folder = Files.createTempDirectory(settings.work(), "ghlcredly-bench-" + name + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    GhlEmulatorSettings ghlSettings = GhlEmulatorSettings.defaults();
    this.ghl =
        GhlEmulator.start(
            realLimits ? ghlSettings : ghlSettings.withRateLimits(RAISED_BURST, 1_000_000_000L));
    this.credly = CredlyEmulator.start();
    ghl.latency(latency);
    credly.latency(latency);
    String templateId = credly.seedTemplate("Bench Course").id();
    this.database =
        db.equals("pg")
            ? BenchDatabase.postgres(requirePg(settings))
            : BenchDatabase.h2(folder.resolve("db"));
    this.webhooks = new SignedWebhooks(ghl.locationId());
    this.shared =
        new ServiceConfig.Shared(
            ghl,
            credly,
            templateId,
            webhooks.publicKeyPem(),
            database.url(),
            folder.resolve("secret.key"),
            settings.workers(),
            settings.credlyConcurrency(),
            settings.budgetShare(),
            settings.settle());
  }

  private static String requirePg(BenchSettings settings) {
    String url = settings.pgUrl();
    if (url == null) {
      throw new IllegalStateException("no PostgreSQL: set GCS_TEST_PG_URL or -Dbench.pg");
    }
    return url;
  }

  /** Starts one more {@code serve} instance on the shared database. */
  ServiceProcess serve() {
    return serve(settings.jar());
  }

  /** Starts one more {@code serve} instance of {@code jar} (an earlier build) on the database. */
  ServiceProcess serve(Path jar) {
    int port = ServiceConfig.freePort();
    String name = "serve-" + (instances.size() + 1);
    Path config = ServiceConfig.write(folder.resolve(name + ".yaml"), port, shared);
    ServiceProcess process =
        ServiceProcess.serve(settings, jar, name, folder, config, port, ServiceConfig.env(shared));
    instances.add(process);
    return process;
  }

  List<ServiceProcess> instances() {
    return List.copyOf(instances);
  }

  /** Contacts seeded in GHL (no webhook), tagged with the rule's tag or not. */
  List<String> seed(int count, boolean tagged) {
    return ghl.seedContacts(
        count,
        (contact, index) -> {
          if (tagged) {
            contact.tags(ServiceConfig.TAG);
          }
        });
  }

  List<SignedWebhooks.Webhook> tagUpdates(List<String> contactIds) {
    return contactIds.stream()
        .map(id -> webhooks.tagUpdate(id, "bench@example.com", ServiceConfig.TAG))
        .toList();
  }

  /**
   * Waits until no instance has an event pending or a job queued.
   *
   * @return how long it took
   */
  Duration awaitDrained(Duration timeout) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    ServiceProcess probe = instances.getFirst();
    long answeredLast = start;
    while (System.nanoTime() < deadline) {
      try {
        if (probe.metric("ghlcredly_inbox_pending_events") == 0
            && probe.metric("ghlcredly_queue_jobs") == 0) {
          return Duration.ofNanos(System.nanoTime() - start);
        }
        answeredLast = System.nanoTime();
      } catch (UncheckedIOException e) {
        // An overloaded service may not take the connection for a while (its backlog clears),
        // but one that ran out of heap or has not answered for two minutes will not drain.
        if (probe.trouble().equals("OutOfMemoryError")
            || System.nanoTime() - answeredLast > UNANSWERED_METRICS.toNanos()) {
          throw e;
        }
      }
      pause(Duration.ofMillis(100));
    }
    throw new IllegalStateException(
        "not drained after "
            + timeout
            + "; pending "
            + probe.metric("ghlcredly_inbox_pending_events"));
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    for (ServiceProcess instance : instances) {
      instance.close();
    }
    ghl.close();
    credly.close();
    database.close();
  }
}

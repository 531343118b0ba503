package io.ghlcredly.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.app.Main;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import io.ghlcredly.testkit.ghl.WebhookDelivery;
import io.ghlcredly.testkit.process.ChildJvm;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * What the kill tests share: {@code serve} and {@code import} started in their own JVMs from the
 * rig's configuration file, random kill points, and a storm of tag changes in the GHL emulator
 * (each sends one signed webhook, never retried unless answered 429) that kills {@code serve} at
 * given points. Not thread-safe, but for the storm's own threads.
 */
final class KillRig implements AutoCloseable {
  static final Duration START = Duration.ofSeconds(90);

  private final GhlEmulator ghl;
  private final ServiceYaml yaml;
  private final Path folder;
  private final Random random;
  private final List<ChildJvm> children = new ArrayList<>();
  private final AtomicInteger starts = new AtomicInteger();
  private Path config;

  KillRig(GhlEmulator ghl, ServiceYaml yaml, Path folder, long seed) {
    this.ghl = ghl;
    this.yaml = yaml;
    this.folder = folder;
    this.random = new Random(seed);
    this.config = yaml.writeTo(folder);
  }

  /** Writes the configuration again, after a change to the {@link ServiceYaml}. */
  void rewriteConfig() {
    config = yaml.writeTo(folder);
  }

  int jvmsStarted() {
    return starts.get();
  }

  /** Starts {@code serve}, waits until it is live and points the emulator's webhooks at it. */
  synchronized ChildJvm startServe() {
    ChildJvm serve = child("serve", "serve", "-c", config.toString());
    serve.awaitHttpOk(URI.create("http://127.0.0.1:" + yaml.port() + "/health/live"), START);
    ghl.sendWebhooksTo(URI.create("http://127.0.0.1:" + yaml.port() + "/webhooks/ghl"));
    return serve;
  }

  synchronized ChildJvm startImport() {
    return child("import", "import", "--location", ghl.locationId(), "-c", config.toString());
  }

  private ChildJvm child(String name, String... args) {
    ChildJvm.Builder builder =
        ChildJvm.of(Main.class.getName())
            .name(name)
            .workDir(folder)
            .jvmOption("-Xmx512m")
            .args(args);
    for (Map.Entry<String, String> variable : yaml.env().entrySet()) {
      builder.env(variable.getKey(), variable.getValue());
    }
    ChildJvm started = builder.start();
    children.add(started);
    starts.incrementAndGet();
    return started;
  }

  /** {@code count} distinct random points in (5%, 90%) of {@code total}, ascending. */
  List<Long> randomPoints(int count, long total) {
    List<Long> points = new ArrayList<>();
    while (points.size() < count) {
      long point = total / 20 + (long) (random.nextDouble() * (total * 0.85));
      if (!points.contains(point)) {
        points.add(point);
      }
    }
    points.sort(null);
    return points;
  }

  /**
   * Changes each contact in GHL ({@code change}, which sends its webhook) at {@code perSecond},
   * killing {@code serve} with SIGKILL and starting it again when the storm reaches each point.
   */
  void storm(
      List<String> contacts,
      int perSecond,
      List<Long> killPoints,
      AtomicReference<ChildJvm> serve,
      Consumer<String> change,
      Duration bound)
      throws InterruptedException {
    ScheduledExecutorService pace =
        Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
    ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    ExecutorService killer = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());
    CountDownLatch sent = new CountDownLatch(contacts.size());
    AtomicInteger next = new AtomicInteger();
    Set<Long> points = new HashSet<>(killPoints);
    try {
      ScheduledFuture<?> unused =
          pace.scheduleAtFixedRate(
              () -> {
                int index = next.getAndIncrement();
                if (index >= contacts.size()) {
                  return;
                }
                if (points.contains((long) index)) {
                  killer.execute(
                      () -> {
                        serve.get().kill();
                        serve.set(startServe());
                      });
                }
                senders.execute(
                    () -> {
                      change.accept(contacts.get(index));
                      sent.countDown();
                    });
              },
              0,
              1_000_000 / perSecond,
              TimeUnit.MICROSECONDS);
      assertThat(sent.await(bound.toSeconds(), TimeUnit.SECONDS)).isTrue();
    } finally {
      pace.shutdownNow();
      senders.shutdown();
      killer.shutdown();
      assertThat(killer.awaitTermination(START.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }
  }

  /** The webhooks of tag changes the emulator sent, with what each got. */
  List<WebhookDelivery> tagDeliveries() {
    return ghl.deliveries().stream()
        .filter(delivery -> delivery.type().equals("ContactTagUpdate"))
        .toList();
  }

  /** Tag webhooks answered 2xx whose event is not among the applied ones. */
  long acceptedButNotApplied(Set<String> appliedEventIds) {
    return tagDeliveries().stream()
        .filter(WebhookDelivery::succeeded)
        .filter(delivery -> !appliedEventIds.contains(delivery.webhookId()))
        .count();
  }

  @Override
  public void close() {
    children.forEach(ChildJvm::close);
  }
}

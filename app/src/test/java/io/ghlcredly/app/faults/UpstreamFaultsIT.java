package io.ghlcredly.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ghlcredly.app.Application;
import io.ghlcredly.app.config.ConfigLoader;
import io.ghlcredly.app.demo.DemoEnvironment;
import io.ghlcredly.testkit.credly.BadgeTemplate;
import io.ghlcredly.testkit.credly.CredlyEmulator;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import io.ghlcredly.testkit.ghl.GhlEmulatorSettings;
import io.ghlcredly.testkit.server.EmulatorResponse;
import io.ghlcredly.testkit.server.Fault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service works through upstream faults on both APIs: 30% of calls answered 5xx, bursts of 429
 * with Retry-After, connection resets after the work was done, truncated and invalid JSON in 200
 * answers, and (Credly) answers slower than the client's timeout. Once the faults stop, everything
 * converges: one badge, one note and one Workforce record per tagged contact, no pending work, and
 * no dead letter (every fault here is one a retry can get past).
 */
class UpstreamFaultsIT {
  private static final String TAG = "course-101-complete";
  private static final String NOTE = "Badge for ";
  private static final Duration MIN_FAULT_WINDOW = Duration.ofSeconds(15);
  private static final Duration MAX_FAULT_WINDOW = Duration.ofSeconds(60);
  private static final List<String> KINDS =
      List.of("HTTP 503", "HTTP 429", "reset", "truncated JSON", "invalid JSON", "slow");
  private static final Duration CONVERGE =
      Duration.ofMinutes(2).plusSeconds(FaultSizes.upstreamContacts());

  @TempDir Path folder;
  private final GhlEmulator ghl =
      GhlEmulator.start(GhlEmulatorSettings.defaults().withConnectionFaults());
  private final CredlyEmulator credly = CredlyEmulator.startWithConnectionFaults();
  private final ScheduledExecutorService bursts =
      Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
  private Application service;

  @AfterEach
  void stopEverything() {
    bursts.shutdownNow();
    if (service != null) {
      service.close();
    }
    ghl.close();
    credly.close();
  }

  @Test
  void convergesWithoutDeadLettersOnceUpstreamFaultsStop() {
    BadgeTemplate template = credly.seedTemplate("Course 101 Complete");
    credly.enableWorkforce(true);
    startService(template);
    List<String> contacts = ghl.seedContacts(FaultSizes.upstreamContacts());
    Set<String> tagged = new HashSet<>(contacts);

    injectFaults();
    Instant started = Instant.now();
    contacts.forEach(contact -> ghl.addTags(contact, TAG));
    long accepted =
        ghl.deliveries().stream()
            .filter(delivery -> delivery.type().equals("ContactTagUpdate") && delivery.succeeded())
            .count();
    // Faults stay until each kind hit a few calls, or for the longest window.
    await()
        .pollDelay(remaining(started, MIN_FAULT_WINDOW))
        .atMost(MAX_FAULT_WINDOW.plusSeconds(5))
        .until(
            () ->
                KINDS.stream().allMatch(kind -> faultsInjected().getOrDefault(kind, 0L) >= 3)
                    || Duration.between(started, Instant.now()).compareTo(MAX_FAULT_WINDOW) >= 0);
    Duration window = Duration.between(started, Instant.now());
    Map<String, Long> faults = faultsInjected();
    Tally badgesDuringFaults = Tally.badges(credly, template.id(), tagged);
    bursts.shutdownNow();
    ghl.clearFaults();
    credly.clearFaults();
    Instant faultsStopped = Instant.now();

    await()
        .atMost(CONVERGE)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                Tally.badges(credly, template.id(), tagged).held() >= tagged.size()
                    && Tally.notes(ghl, NOTE, contacts, tagged).held() >= tagged.size()
                    && credly.employees().size() >= tagged.size()
                    && idle());
    Duration converged = Duration.between(faultsStopped, Instant.now());
    Tally badges = Tally.badges(credly, template.id(), tagged);
    Tally notes = Tally.notes(ghl, NOTE, contacts, tagged);
    long deadLetters = service.stores().deadLetters().count();

    new FaultReport("upstream", "Upstream faults (GHL and Credly emulators)")
        .figure("webhooks sent / accepted (2xx)", contacts.size() + " / " + accepted)
        .figure("fault window", window.toSeconds() + " s")
        .figure("faults injected", describe(faults))
        .figure("badges held when the faults stopped", badgesDuringFaults.held())
        .figure("badges expected / held", badges.expected() + " / " + badges.held())
        .figure("notes expected / held", notes.expected() + " / " + notes.held())
        .figure("Workforce records", credly.employees().size())
        .figure("losses", badges.losses() + notes.losses())
        .figure("duplicates", badges.duplicates() + notes.duplicates())
        .figure("dead letters", deadLetters)
        .figure("time to converge after the faults stopped", converged.toMillis() + " ms")
        .notes(
            """
            In-process service on embedded H2, 4 job workers, retries from 200 ms doubling to 2 s
            (40 attempts). Every GHL and Credly call has a 30% chance of a 503, 5% of a connection
            reset after the work was done, 5% of a truncated body and 5% of a 200 whose body is
            not JSON; Credly calls also have 3% of answering after the client's 1 s timeout; every
            20 s GHL answers the next 3 calls with 429 (which pauses its budget for a 10 s window)
            and every 3 s Credly the next 10 (both with Retry-After: 1). The first calls of each
            API also meet one reset, one truncated and one non-JSON answer, and Credly's first two
            answers come late, so that every kind is seen in a short run. The faults stay until
            each kind hit at least 3 calls (at least 15 s, at most 60 s), then stop at once.""")
        .publish();
    assertThat(accepted).isEqualTo(contacts.size());
    assertThat(faults).containsKeys(KINDS.toArray(String[]::new));
    assertThat(badges.exact()).as("badges %s", badges).isTrue();
    assertThat(notes.exact()).as("notes %s", notes).isTrue();
    assertThat(credly.employees()).hasSize(tagged.size());
    assertThat(deadLetters).isZero();
  }

  private void startService(BadgeTemplate template) {
    ServiceYaml yaml =
        new ServiceYaml(
                ghl,
                credly,
                "jdbc:h2:file:" + folder.resolve("db").resolve("sync").toAbsolutePath())
            .retries(40, Duration.ofMillis(200), Duration.ofSeconds(2))
            .credlyTimeout(Duration.ofSeconds(1))
            .rules(
                """
                - id: course-101
                  when: { tag-added: %s }
                  do:
                    - issue-badge: { template: %s, evidence: "Completed Course 101" }
                    - ghl-add-note: "%s{{contact.firstName}} {{contact.lastName}}"
                """
                    .formatted(TAG, template.id(), NOTE))
            .extra(
                """
                mapping:
                  record:
                    external-id: "{{contact.id}}"
                    email: "{{contact.email}}"
                    first-name: "{{contact.firstName}}"
                    last-name: "{{contact.lastName}}"
                """);
    Map<String, String> env = new HashMap<>(yaml.env());
    env.put("GCS_CREDLY_RECORDS", "employees");
    service =
        Application.start(
            ConfigLoader.load(yaml.writeTo(folder), env),
            DemoEnvironment.briskJobs(4, Duration.ofSeconds(2)),
            InstantSource.system());
    ghl.sendWebhooksTo(URI.create("http://127.0.0.1:" + service.port() + "/webhooks/ghl"));
  }

  private void injectFaults() {
    // One of each rare kind first, so that a short run sees them all; then the random share.
    credly.inject(Fault.slow("*", "", 2, Duration.ofMillis(1500)));
    for (Consumer<Fault> api : List.<Consumer<Fault>>of(ghl::inject, credly::inject)) {
      api.accept(Fault.reset("*", "", 1));
      api.accept(Fault.truncatedJson("*", "", 1));
      api.accept(Fault.invalidJson("*", "", 1));
      api.accept(
          Fault.status("*", "", Fault.ALWAYS, EmulatorResponse.json(503, "{\"message\":\"down\"}"))
              .withProbability(0.30));
      api.accept(Fault.reset("*", "", Fault.ALWAYS).withProbability(0.05));
      api.accept(Fault.truncatedJson("*", "", Fault.ALWAYS).withProbability(0.05));
      api.accept(Fault.invalidJson("*", "", Fault.ALWAYS).withProbability(0.05));
    }
    credly.inject(Fault.slow("*", "", Fault.ALWAYS, Duration.ofMillis(1500)).withProbability(0.03));
    // A 429 from GHL pauses the location's budget for its 10 s window: rare bursts there.
    ScheduledFuture<?> unusedGhlBursts =
        bursts.scheduleAtFixedRate(
            () -> ghl.inject(Fault.rateLimited("*", "", 3, Duration.ofSeconds(1))),
            5,
            20,
            TimeUnit.SECONDS);
    ScheduledFuture<?> unusedCredlyBursts =
        bursts.scheduleAtFixedRate(
            () -> credly.inject(Fault.rateLimited("*", "", 10, Duration.ofSeconds(1))),
            1,
            3,
            TimeUnit.SECONDS);
  }

  private Map<String, Long> faultsInjected() {
    Map<String, Long> all = new TreeMap<>(ghl.faultsInjected());
    credly.faultsInjected().forEach((kind, count) -> all.merge(kind, count, Long::sum));
    return all;
  }

  private boolean idle() {
    return service.queuedJobs() == 0
        && service
            .stores()
            .inbox()
            .listContactsWithPendingBefore(Instant.now().plusSeconds(3600), 1)
            .isEmpty();
  }

  private static Duration remaining(Instant since, Duration window) {
    Duration left = window.minus(Duration.between(since, Instant.now()));
    return left.isNegative() ? Duration.ZERO : left;
  }

  private static String describe(Map<String, Long> faults) {
    StringBuilder text = new StringBuilder();
    faults.forEach(
        (kind, count) ->
            text.append(text.isEmpty() ? "" : ", ").append(kind).append(": ").append(count));
    return text.toString();
  }
}

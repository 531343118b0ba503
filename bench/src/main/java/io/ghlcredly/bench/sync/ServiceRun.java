package io.ghlcredly.bench.sync;

import io.ghlcredly.bench.LatencySummary;
import io.ghlcredly.testkit.server.EmulatorRequest;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One {@code serve} instance on one database at one upstream latency: webhook ingest, end-to-end
 * latency at fixed rates, coalescing, then its memory and start-up time.
 */
final class ServiceRun {
  private static final Duration DRAIN = Duration.ofMinutes(10);
  private static final Duration ISSUE_WAIT = Duration.ofMinutes(5);

  private final BenchSettings settings;
  private final String db;
  private final Duration latency;
  private final PrintStream out;

  ServiceRun(BenchSettings settings, String db, Duration latency, PrintStream out) {
    this.settings = settings;
    this.db = db;
    this.latency = latency;
    this.out = out;
  }

  /** Ingest: accepted events per second with {@code senders} senders, and response times. */
  record Ingest(
      int events,
      int accepted,
      double perSecond,
      LatencySummary response,
      Duration drain,
      double appliedPerSecond,
      double serviceCpuMsPerEvent,
      double driverCpuMsPerEvent) {}

  /** End to end at one rate: webhook answered → Credly issue call received. */
  record EndToEnd(
      int rate,
      int events,
      int accepted,
      int unanswered,
      int issued,
      LatencySummary latency,
      LatencySummary response,
      double ghlCallsPerEvent,
      double credlyCallsPerEvent) {}

  /** Bursts of events for one contact each. */
  record Coalescing(
      int bursts,
      int burstSize,
      int ghlReads,
      int maxReadsPerBurst,
      int burstsWithMoreThanOneRead,
      int issueCalls) {}

  record Result(
      String db,
      Duration latency,
      @Nullable Ingest ingest,
      List<EndToEnd> endToEnd,
      @Nullable Coalescing coalescing,
      Duration startup,
      long peakRssKib,
      long peakHeapMib,
      long databaseBytes) {}

  Result run() {
    try (Rig rig = new Rig(settings, db, latency, false, db + "-" + latency.toMillis() + "ms")) {
      ServiceProcess service = rig.serve();
      out.printf(
          "[%s, %d ms] started in %s s%n",
          db, latency.toMillis(), Markdown.seconds(service.startup()));
      try (WebhookLoad load = new WebhookLoad(List.of(service.webhookUrl()))) {
        @Nullable Ingest ingest = settings.runs("ingest") ? ingest(rig, load) : null;
        List<EndToEnd> e2e = new ArrayList<>();
        if (settings.runs("e2e")) {
          for (int rate : settings.rates()) {
            e2e.add(endToEnd(rig, load, rate));
          }
        }
        @Nullable Coalescing coalescing = settings.runs("coalesce") ? coalesce(rig, load) : null;
        return new Result(
            db,
            latency,
            ingest,
            e2e,
            coalescing,
            service.startup(),
            service.peakRssKib(),
            service.peakHeapMib(),
            rig.database.sizeBytes());
      } catch (RuntimeException e) {
        out.println(service.tail());
        throw e;
      }
    }
  }

  private Ingest ingest(Rig rig, WebhookLoad load) {
    List<SignedWebhooks.Webhook> warm = rig.tagUpdates(rig.seed(settings.warmup(), false));
    load.closed(warm, settings.senders());
    rig.awaitDrained(DRAIN);
    List<SignedWebhooks.Webhook> hooks = rig.tagUpdates(rig.seed(settings.ingestEvents(), false));
    ServiceProcess service = rig.instances().getFirst();
    Duration serviceCpu = service.cpuTime();
    Duration driverCpu = ServiceProcess.cpuTime(ProcessHandle.current().pid());
    long start = System.nanoTime();
    List<WebhookLoad.Sent> sent = load.closed(hooks, settings.senders());
    long end = System.nanoTime();
    Duration drain = rig.awaitDrained(DRAIN);
    // Until drained: the CPU of accepting the events and of applying them (one job each).
    serviceCpu = service.cpuTime().minus(serviceCpu);
    driverCpu = ServiceProcess.cpuTime(ProcessHandle.current().pid()).minus(driverCpu);
    List<WebhookLoad.Sent> accepted = sent.stream().filter(WebhookLoad.Sent::accepted).toList();
    double seconds = (end - start) / 1e9;
    Ingest ingest =
        new Ingest(
            hooks.size(),
            accepted.size(),
            accepted.size() / seconds,
            LatencySummary.ofNanos(
                accepted.stream().mapToLong(WebhookLoad.Sent::responseNanos).toArray()),
            drain,
            hooks.size() / (seconds + drain.toNanos() / 1e9),
            serviceCpu.toNanos() / 1e6 / hooks.size(),
            driverCpu.toNanos() / 1e6 / hooks.size());
    out.printf(
        "[%s, %d ms] ingest: %s events/s accepted (%d of %d), p50 %s ms, p99 %s ms;"
            + " applied %s/s; CPU per event: service %s ms, driver and emulators %s ms%n",
        db,
        latency.toMillis(),
        Markdown.number(ingest.perSecond()),
        ingest.accepted(),
        ingest.events(),
        Markdown.ms(ingest.response().p50()),
        Markdown.ms(ingest.response().p99()),
        Markdown.number(ingest.appliedPerSecond()),
        Markdown.number(ingest.serviceCpuMsPerEvent()),
        Markdown.number(ingest.driverCpuMsPerEvent()));
    return ingest;
  }

  private EndToEnd endToEnd(Rig rig, WebhookLoad load, int rate) {
    int events = Math.min(settings.e2eMaxEvents(), rate * settings.e2eSeconds());
    List<String> contacts = rig.seed(events, true);
    List<SignedWebhooks.Webhook> hooks = rig.tagUpdates(contacts);
    int ghlBefore = rig.ghl.requests().size();
    int credlyBefore = rig.credly.requests().size();
    List<WebhookLoad.Sent> sent = load.paced(hooks, rate);
    // Only contacts whose webhook was accepted get a badge: waiting for the others is in vain.
    Map<String, Instant> issues =
        awaitIssues(
            rig,
            sent.stream()
                .filter(WebhookLoad.Sent::accepted)
                .map(s -> s.webhook().contactId())
                .toList());
    rig.awaitDrained(DRAIN);
    int ghlCalls = rig.ghl.requests().size() - ghlBefore;
    int credlyCalls = rig.credly.requests().size() - credlyBefore;
    long[] latencies =
        sent.stream()
            .filter(WebhookLoad.Sent::accepted)
            .filter(s -> issues.containsKey(s.webhook().contactId()))
            .mapToLong(
                s ->
                    Duration.between(
                            s.answeredAt(),
                            Objects.requireNonNull(issues.get(s.webhook().contactId())))
                        .toNanos())
            .toArray();
    EndToEnd result =
        new EndToEnd(
            rate,
            events,
            (int) sent.stream().filter(WebhookLoad.Sent::accepted).count(),
            (int) sent.stream().filter(s -> s.status() == 0).count(),
            latencies.length,
            LatencySummary.ofNanos(latencies),
            LatencySummary.ofNanos(
                sent.stream()
                    .filter(WebhookLoad.Sent::accepted)
                    .mapToLong(WebhookLoad.Sent::responseNanos)
                    .toArray()),
            ghlCalls / (double) events,
            credlyCalls / (double) events);
    out.printf(
        "[%s, %d ms] e2e at %d/s: %d of %d accepted (%d unanswered), %d issued, p50 %s ms, p99 %s ms, max %s ms;"
            + " per event %s GHL, %s Credly calls%n",
        db,
        latency.toMillis(),
        rate,
        result.accepted(),
        events,
        result.unanswered(),
        result.issued(),
        Markdown.ms(result.latency().p50()),
        Markdown.ms(result.latency().p99()),
        Markdown.ms(result.latency().max()),
        Markdown.number(result.ghlCallsPerEvent()),
        Markdown.number(result.credlyCallsPerEvent()));
    return result;
  }

  /** Waits until every contact's badge issue call has reached Credly (or gives up). */
  private static Map<String, Instant> awaitIssues(Rig rig, List<String> contacts) {
    long deadline = System.nanoTime() + ISSUE_WAIT.toNanos();
    while (true) {
      Map<String, Instant> issues = Upstream.firstIssues(rig.credly.requests());
      issues.keySet().retainAll(contacts);
      if (issues.size() == contacts.size() || System.nanoTime() > deadline) {
        return issues;
      }
      Rig.pause(Duration.ofMillis(250));
    }
  }

  private Coalescing coalesce(Rig rig, WebhookLoad load) {
    List<String> contacts = rig.seed(settings.bursts(), true);
    List<SignedWebhooks.Webhook> hooks = new ArrayList<>();
    for (String contact : contacts) {
      // A burst: one contact's events back to back, as when a workflow adds several tags.
      for (int i = 0; i < settings.burstSize(); i++) {
        hooks.addAll(rig.tagUpdates(List.of(contact)));
      }
    }
    int ghlBefore = rig.ghl.requests().size();
    int credlyBefore = rig.credly.requests().size();
    load.closed(hooks, settings.burstSize());
    awaitIssues(rig, contacts);
    rig.awaitDrained(DRAIN);
    List<EmulatorRequest> ghlRequests = rig.ghl.requests();
    List<EmulatorRequest> credlyRequests = rig.credly.requests();
    Map<String, Integer> reads =
        Upstream.contactReads(ghlRequests.subList(ghlBefore, ghlRequests.size()));
    reads.keySet().retainAll(contacts);
    Map<String, Integer> issues =
        Upstream.issueCalls(credlyRequests.subList(credlyBefore, credlyRequests.size()));
    issues.keySet().retainAll(contacts);
    Coalescing result =
        new Coalescing(
            contacts.size(),
            settings.burstSize(),
            reads.values().stream().mapToInt(Integer::intValue).sum(),
            reads.values().stream().mapToInt(Integer::intValue).max().orElse(0),
            (int) reads.values().stream().filter(count -> count > 1).count(),
            issues.values().stream().mapToInt(Integer::intValue).sum());
    out.printf(
        "[%s, %d ms] coalescing: %d bursts of %d, %d GHL reads (max %d per burst, %d bursts with"
            + " more than one), %d issue calls%n",
        db,
        latency.toMillis(),
        result.bursts(),
        result.burstSize(),
        result.ghlReads(),
        result.maxReadsPerBurst(),
        result.burstsWithMoreThanOneRead(),
        result.issueCalls());
    return result;
  }
}

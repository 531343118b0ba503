package io.ghlcredly.bench.sync;

import io.ghlcredly.bench.LatencySummary;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Issue 8: {@code n} {@code serve} instances on one PostgreSQL schema, webhooks spread round robin
 * over them as fast as the senders go; throughput is events applied end to end (their badge issue
 * call reached Credly) per second, from the first webhook sent to the last issue call received. The
 * instances share each location's GHL rate budget in PostgreSQL; the emulator's limit (which that
 * budget follows) is raised as in the other webhook runs.
 */
final class ClusterRun {
  private static final Duration DRAIN = Duration.ofMinutes(10);

  private final BenchSettings settings;
  private final Duration latency;
  private final PrintStream out;

  ClusterRun(BenchSettings settings, Duration latency, PrintStream out) {
    this.settings = settings;
    this.latency = latency;
    this.out = out;
  }

  record Result(
      int instances,
      Duration latency,
      int events,
      int issued,
      double ingestPerSecond,
      double endToEndPerSecond,
      LatencySummary latencies) {}

  Result run(int instances) {
    String name = "cluster-" + instances + "-" + latency.toMillis() + "ms";
    try (Rig rig = new Rig(settings, "pg", latency, false, name)) {
      for (int i = 0; i < instances; i++) {
        rig.serve();
      }
      List<URI> targets = rig.instances().stream().map(ServiceProcess::webhookUrl).toList();
      try (WebhookLoad load = new WebhookLoad(targets)) {
        load.closed(
            rig.tagUpdates(rig.seed(Math.min(500, settings.warmup()), true)), settings.senders());
        rig.awaitDrained(DRAIN);
        List<String> contacts = rig.seed(settings.clusterEvents(), true);
        List<SignedWebhooks.Webhook> hooks = rig.tagUpdates(contacts);
        Instant firstSent = Instant.now();
        long start = System.nanoTime();
        List<WebhookLoad.Sent> sent = load.closed(hooks, settings.senders());
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        rig.awaitDrained(DRAIN);
        Map<String, Instant> issues = Upstream.firstIssues(rig.credly.requests());
        issues.keySet().retainAll(contacts);
        Instant lastIssue = issues.isEmpty() ? firstSent : Collections.max(issues.values());
        long[] latencies =
            sent.stream()
                .filter(s -> issues.containsKey(s.webhook().contactId()))
                .mapToLong(
                    s ->
                        Duration.between(
                                s.answeredAt(),
                                Objects.requireNonNull(issues.get(s.webhook().contactId())))
                            .toNanos())
                .toArray();
        long accepted = sent.stream().filter(WebhookLoad.Sent::accepted).count();
        Result result =
            new Result(
                instances,
                latency,
                hooks.size(),
                issues.size(),
                accepted / sendSeconds,
                issues.size() / (Duration.between(firstSent, lastIssue).toNanos() / 1e9),
                LatencySummary.ofNanos(latencies));
        out.printf(
            "[cluster of %d, %d ms] %d of %d issued: %s events/s end to end (ingest %s/s),"
                + " e2e p50 %s ms p99 %s ms%n",
            instances,
            latency.toMillis(),
            result.issued(),
            result.events(),
            Markdown.number(result.endToEndPerSecond()),
            Markdown.number(result.ingestPerSecond()),
            Markdown.ms(result.latencies().p50()),
            Markdown.ms(result.latencies().p99()));
        return result;
      }
    }
  }
}

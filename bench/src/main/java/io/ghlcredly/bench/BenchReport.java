package io.ghlcredly.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The results as a Markdown table and as JSON. */
final class BenchReport {
  private BenchReport() {}

  static String markdown(List<RunResult> results, String header) {
    StringBuilder out = new StringBuilder();
    out.append(header).append("\n\n");
    out.append(
        "| max conc. | shedding | badges/s | p50 ms | p95 ms | p99 ms | e2e p99 ms | 429s |"
            + " other retries | already issued | min limit | final limit | errors | held |"
            + " duplicates | verified |\n");
    out.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (RunResult r : results) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %d | %s | %.0f | %s | %s | %s | %s | %d | %d | %d | %d | %d | %d | %d | %d | %s |%n",
              r.config().maxConcurrency(),
              r.config().shedding() ? "> " + r.config().shedRate() + "/s" : "off",
              r.badgesPerSecond(),
              millis(r.latency().p50()),
              millis(r.latency().p95()),
              millis(r.latency().p99()),
              millis(r.endToEnd().p99()),
              r.throttled(),
              r.transientRetries(),
              r.alreadyIssued(),
              r.minLimit(),
              r.finalLimit(),
              r.errors(),
              r.held(),
              r.duplicates(),
              r.verified() ? "yes" : "NO"));
    }
    return out.toString();
  }

  static String json(List<RunResult> results) {
    return results.stream()
        .map(BenchReport::json)
        .collect(Collectors.joining(",\n  ", "[\n  ", "\n]\n"));
  }

  private static String json(RunResult r) {
    return String.format(
        Locale.ROOT,
        "{\"maxConcurrency\":%d,\"shedRate\":%d,\"badges\":%d,\"elapsedMs\":%d,"
            + "\"badgesPerSecond\":%.1f,\"p50Ms\":%s,\"p95Ms\":%s,\"p99Ms\":%s,\"maxMs\":%s,"
            + "\"endToEndP99Ms\":%s,\"throttled429\":%d,\"otherRetries\":%d,\"alreadyIssued\":%d,"
            + "\"minLimit\":%d,\"finalLimit\":%d,\"errors\":%d,\"held\":%d,\"duplicates\":%d,"
            + "\"verified\":%b}",
        r.config().maxConcurrency(),
        r.config().shedRate(),
        r.badges(),
        r.elapsed().toMillis(),
        r.badgesPerSecond(),
        millis(r.latency().p50()),
        millis(r.latency().p95()),
        millis(r.latency().p99()),
        millis(r.latency().max()),
        millis(r.endToEnd().p99()),
        r.throttled(),
        r.transientRetries(),
        r.alreadyIssued(),
        r.minLimit(),
        r.finalLimit(),
        r.errors(),
        r.held(),
        r.duplicates(),
        r.verified());
  }

  static String millis(Duration duration) {
    return String.format(Locale.ROOT, "%.1f", duration.toNanos() / 1e6);
  }
}

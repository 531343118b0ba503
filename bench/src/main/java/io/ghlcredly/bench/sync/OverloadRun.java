package io.ghlcredly.bench.sync;

import io.ghlcredly.bench.LatencySummary;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Overload: signed webhooks offered at fixed rates far above what the service can take (open model:
 * each leaves at its due time whatever the answers take), each for another contact. Counts what
 * each got: 2xx (stored), 429 (refused with Retry-After; GHL sends it again), any other status, or
 * no answer at all (GHL never sends those again: lost). One {@code serve} per jar, so that a build
 * of an earlier commit can be measured in the same run.
 */
final class OverloadRun {
  private static final Duration DRAIN = Duration.ofMinutes(10);

  private final BenchSettings settings;
  private final String db;
  private final Path jar;
  private final String label;
  private final PrintStream out;

  OverloadRun(BenchSettings settings, String db, Path jar, String label, PrintStream out) {
    this.settings = settings;
    this.db = db;
    this.jar = jar;
    this.label = label;
    this.out = out;
  }

  /**
   * One offered rate.
   *
   * @param ok answered 2xx
   * @param refused answered 429
   * @param other answered any other status
   * @param unanswered no answer within the driver's timeouts (connect 5 s, response 30 s)
   * @param why the unanswered ones by what the driver saw, such as {@code connect timeout: 12}
   * @param window from the first webhook's due time to the last 2xx answer
   * @param response time from each answered webhook's due time to its answer
   * @param drain how long the workers needed after the last answer to apply every accepted event;
   *     null when the service stopped answering before they had
   */
  record Rate(
      int offeredPerSecond,
      int webhooks,
      int ok,
      int refused,
      int other,
      int unanswered,
      String why,
      Duration window,
      LatencySummary response,
      @Nullable Duration drain) {
    double acceptedPerSecond() {
      return ok / (window.toNanos() / 1e9);
    }
  }

  /**
   * @param failure why the service stopped answering (its log named an OutOfMemoryError, say) and
   *     the rates after it were not offered; null when every rate ran
   */
  record Result(
      String db,
      String label,
      List<Rate> rates,
      @Nullable String failure,
      long peakRssKib,
      long peakHeapMib) {}

  Result run() {
    String name = "overload-" + db + "-" + label.replaceAll("[^A-Za-z0-9]+", "-");
    try (Rig rig = new Rig(settings, db, Duration.ZERO, false, name)) {
      ServiceProcess service = rig.serve(jar);
      out.printf(
          "[overload, %s, %s] started in %s s%n", db, label, Markdown.seconds(service.startup()));
      List<Rate> rates = new ArrayList<>();
      @Nullable String failure = null;
      int offering = 0;
      try (WebhookLoad load = new WebhookLoad(List.of(service.webhookUrl()))) {
        // A short warm-up at a rate the service takes, so that JIT compilation is not measured.
        load.paced(rig.tagUpdates(rig.seed(settings.warmup(), false)), 200);
        rig.awaitDrained(DRAIN);
        for (int rate : settings.overloadRates()) {
          offering = rate;
          Rate offered = offer(rig, load, rate);
          rates.add(offered);
          if (offered.drain() == null) {
            throw new IllegalStateException("not drained");
          }
        }
      } catch (RuntimeException e) {
        // Reported, not thrown: the other services of the run are still measured.
        failure =
            (offering == 0 ? "during the warm-up" : "at " + offering + "/s")
                + ": "
                + service.trouble()
                + " ("
                + e
                + ")";
        out.printf("[overload, %s, %s] failed %s%n%s%n", db, label, failure, service.tail());
      }
      return new Result(db, label, rates, failure, service.peakRssKib(), service.peakHeapMib());
    }
  }

  private Rate offer(Rig rig, WebhookLoad load, int rate) {
    int count = rate * settings.overloadSeconds();
    List<SignedWebhooks.Webhook> hooks = rig.tagUpdates(rig.seed(count, false));
    List<WebhookLoad.Sent> sent = load.paced(hooks, rate);
    @Nullable Duration drain;
    try {
      drain = rig.awaitDrained(DRAIN);
    } catch (RuntimeException e) {
      // The service stopped answering: its answers so far are still reported.
      drain = null;
    }
    long first = sent.stream().mapToLong(WebhookLoad.Sent::startNanos).min().orElse(0);
    long last =
        sent.stream()
            .filter(WebhookLoad.Sent::accepted)
            .mapToLong(WebhookLoad.Sent::endNanos)
            .max()
            .orElse(first + 1);
    Map<String, Long> why =
        sent.stream()
            .filter(one -> one.status() == 0)
            .collect(
                Collectors.groupingBy(
                    WebhookLoad.Sent::failure, TreeMap::new, Collectors.counting()));
    int ok = 0;
    int refused = 0;
    int other = 0;
    int unanswered = 0;
    for (WebhookLoad.Sent one : sent) {
      if (one.status() == 0) {
        unanswered++;
      } else if (one.accepted()) {
        ok++;
      } else if (one.status() == 429) {
        refused++;
      } else {
        other++;
      }
    }
    Rate result =
        new Rate(
            rate,
            count,
            ok,
            refused,
            other,
            unanswered,
            why.entrySet().stream()
                .map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining(", ")),
            Duration.ofNanos(last - first),
            LatencySummary.ofNanos(
                sent.stream()
                    .filter(one -> one.status() != 0)
                    .mapToLong(WebhookLoad.Sent::responseNanos)
                    .toArray()),
            drain);
    out.printf(
        "[overload, %s, %s] %d/s offered: %d webhooks, %d 2xx, %d 429, %d other, %d unanswered"
            + " (%s);"
            + " %s accepted/s; answer p50 %s ms, p99 %s ms; drained in %s s%n",
        db,
        label,
        rate,
        count,
        ok,
        refused,
        other,
        unanswered,
        result.why(),
        Markdown.number(result.acceptedPerSecond()),
        Markdown.ms(result.response().p50()),
        Markdown.ms(result.response().p99()),
        drain == null ? "(never)" : Markdown.seconds(drain));
    return result;
  }
}

package io.ghlcredly.app.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges of the queue read at scrape time: jobs queued, events pending and the age of the oldest
 * pending event. A failed read shows as NaN rather than failing the scrape.
 */
final class QueueGauges {
  static final String QUEUED_JOBS = AppMetrics.PREFIX + ".queue.jobs";
  static final String PENDING_EVENTS = AppMetrics.PREFIX + ".inbox.pending.events";
  static final String OLDEST_AGE = AppMetrics.PREFIX + ".inbox.oldest.pending.age";

  private static final Logger log = LoggerFactory.getLogger(QueueGauges.class);

  private QueueGauges() {}

  static void register(MeterRegistry registry, QueueProbe probe, InstantSource clock) {
    gauge(
        registry,
        QUEUED_JOBS,
        "Contact-sync jobs queued or running",
        null,
        probe,
        QueueProbe::queuedJobs);
    gauge(
        registry,
        PENDING_EVENTS,
        "Events received but not yet applied",
        null,
        probe,
        QueueProbe::pendingEvents);
    gauge(
        registry,
        OLDEST_AGE,
        "Age of the oldest event not yet applied; 0 when none is pending",
        "seconds",
        probe,
        p -> ageSeconds(p.oldestPendingReceivedAt(), clock.instant()));
  }

  static double ageSeconds(Optional<Instant> oldest, Instant now) {
    return oldest
        .map(received -> Math.max(0, Duration.between(received, now).toMillis()) / 1000.0)
        .orElse(0.0);
  }

  private static void gauge(
      MeterRegistry registry,
      String name,
      String description,
      @Nullable String unit,
      QueueProbe probe,
      ToDoubleFunction<QueueProbe> read) {
    Gauge.builder(name, probe, safely(name, read))
        .description(description)
        .baseUnit(unit)
        .strongReference(true)
        .register(registry);
  }

  private static ToDoubleFunction<QueueProbe> safely(
      String name, ToDoubleFunction<QueueProbe> read) {
    return probe -> {
      try {
        return read.applyAsDouble(probe);
      } catch (RuntimeException e) {
        log.atDebug()
            .addKeyValue("gauge", name)
            .addKeyValue("cause", e.toString())
            .log("queue gauge unreadable");
        return Double.NaN;
      }
    };
  }
}

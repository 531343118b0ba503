package io.ghlcredly.app.metrics;

import io.ghlcredly.core.job.JobListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** Counts contact-sync job runs by outcome (applied, retried, dead_lettered). Thread-safe. */
final class MicrometerJobListener implements JobListener {
  static final String JOBS = AppMetrics.PREFIX + ".jobs";

  private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

  MicrometerJobListener(MeterRegistry registry) {
    // Registered up front so every outcome shows, at zero, from the first scrape.
    for (Outcome outcome : Outcome.values()) {
      counters.put(
          outcome,
          Counter.builder(JOBS)
              .description("Contact-sync job runs, by how they ended")
              .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
              .register(registry));
    }
  }

  @Override
  public void jobFinished(Outcome outcome) {
    Counter counter = counters.get(outcome);
    if (counter != null) {
      counter.increment();
    }
  }
}

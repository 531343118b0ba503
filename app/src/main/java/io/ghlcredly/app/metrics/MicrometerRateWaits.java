package io.ghlcredly.app.metrics;

import io.ghlcredly.http.RatePriority;
import io.ghlcredly.http.ratelimit.RateWaitObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/** Times how long calls waited for rate budget, by priority and whether they then went. */
final class MicrometerRateWaits implements RateWaitObserver {
  static final String WAITS = AppMetrics.PREFIX + ".rate.limit.wait";

  private final MeterRegistry registry;

  MicrometerRateWaits(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void waited(RatePriority priority, Duration waited, boolean granted) {
    Timer.builder(WAITS)
        .description("Time calls were held for rate budget; granted=false: refused, not sent")
        .tag("priority", priority.name().toLowerCase(Locale.ROOT))
        .tag("granted", Boolean.toString(granted))
        .register(registry)
        .record(waited);
  }
}

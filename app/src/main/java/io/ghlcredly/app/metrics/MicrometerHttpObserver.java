package io.ghlcredly.app.metrics;

import io.ghlcredly.http.HttpObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Times upstream calls by connector, method, endpoint (the path with ids replaced) and status;
 * status {@code 0} means no response arrived. Thread-safe.
 */
final class MicrometerHttpObserver implements HttpObserver {
  static final String CALLS = AppMetrics.PREFIX + ".upstream.calls";

  private final MeterRegistry registry;

  MicrometerHttpObserver(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void exchanged(
      String connector, String method, String path, int status, Duration elapsed) {
    Timer.builder(CALLS)
        .description("Calls to GHL and Credly, by endpoint and status (0: no response)")
        .tag("connector", connector)
        .tag("method", method)
        .tag("endpoint", EndpointTemplate.of(path))
        .tag("status", Integer.toString(status))
        .register(registry)
        .record(elapsed);
  }
}

package io.ghlcredly.app.metrics;

import io.ghlcredly.core.job.JobListener;
import io.ghlcredly.core.sync.SyncListener;
import io.ghlcredly.http.HttpObserver;
import io.ghlcredly.http.ratelimit.RateWaitObserver;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.InstantSource;

/**
 * The metrics of one running service: a Prometheus registry and the listeners that feed it. Each
 * {@code Application} has its own, so services started side by side (tests) do not mix counts.
 * Thread-safe.
 */
public final class AppMetrics {
  /** The prefix of every metric name. */
  public static final String PREFIX = "ghlcredly";

  private final PrometheusMeterRegistry registry;
  private final MicrometerSyncListener sync;
  private final MicrometerJobListener jobs;
  private final MicrometerHttpObserver calls;
  private final MicrometerRateWaits waits;

  private AppMetrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
    this.sync = new MicrometerSyncListener(registry);
    this.jobs = new MicrometerJobListener(registry);
    this.calls = new MicrometerHttpObserver(registry);
    this.waits = new MicrometerRateWaits(registry);
  }

  public static AppMetrics create() {
    return new AppMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  /** Events received by source and type, and their end-to-end latency once applied. */
  public SyncListener sync() {
    return sync;
  }

  /** Labels events with their workspace from now on. */
  public void labelWorkspaces(WorkspaceLabels labels) {
    sync.labelWorkspaces(labels);
  }

  /** Contact-sync job runs by outcome. */
  public JobListener jobs() {
    return jobs;
  }

  /** Upstream calls by connector, method, endpoint and status. */
  public HttpObserver calls() {
    return calls;
  }

  /** Time held by the rate limiter, by priority. */
  public RateWaitObserver rateWaits() {
    return waits;
  }

  /** Registers the queue depth and age gauges, read from {@code probe} at each scrape. */
  public void watchQueue(QueueProbe probe, InstantSource clock) {
    QueueGauges.register(registry, probe, clock);
  }

  /** Every metric in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }
}

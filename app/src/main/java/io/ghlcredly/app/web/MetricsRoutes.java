package io.ghlcredly.app.web;

import io.ghlcredly.app.metrics.AppMetrics;
import io.ghlcredly.app.metrics.CredlyTokenCheck;
import io.ghlcredly.app.metrics.DatabaseCheck;
import io.ghlcredly.app.metrics.GhlAccountsCheck;
import io.ghlcredly.app.metrics.ReadinessCheck;
import io.ghlcredly.app.metrics.ReadinessChecks;
import io.ghlcredly.core.port.TokenStore;
import io.ghlcredly.credly.CredlyTokenHealth;
import io.ghlcredly.web.Route;
import io.ghlcredly.web.WebhookResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;

/** The operator probes: {@code /metrics}, {@code /health/live} and {@code /health/ready}. */
public final class MetricsRoutes {
  /** How long readiness waits for its checks: orchestrators' probes give up after a few seconds. */
  public static final Duration READY_TIMEOUT = Duration.ofSeconds(2);

  private MetricsRoutes() {}

  /** The routes with the standard readiness checks: database, GHL accounts, Credly token. */
  public static Map<String, Route> create(
      AppMetrics metrics, DataSource database, TokenStore accounts, CredlyTokenHealth credly) {
    return create(
        metrics,
        List.of(
            new DatabaseCheck(database),
            new GhlAccountsCheck(accounts),
            new CredlyTokenCheck(credly)));
  }

  /** The routes with the given readiness checks. */
  public static Map<String, Route> create(AppMetrics metrics, List<ReadinessCheck> readiness) {
    List<ReadinessCheck> fixed = List.copyOf(readiness);
    return create(metrics, () -> fixed);
  }

  /** The routes with readiness checks that may change while the service runs. */
  public static Map<String, Route> create(
      AppMetrics metrics, Supplier<List<ReadinessCheck>> readiness) {
    return Map.of(
        "GET /metrics", new MetricsRoute(metrics),
        "GET /health/live", request -> WebhookResponse.ok("live"),
        "GET /health/ready", new ReadyRoute(new ReadinessChecks(readiness, READY_TIMEOUT)));
  }
}

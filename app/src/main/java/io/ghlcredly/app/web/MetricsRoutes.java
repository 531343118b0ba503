package io.ghlcredly.app.web;

import io.ghlcredly.app.metrics.AppMetrics;
import io.ghlcredly.app.metrics.CredlyTokenCheck;
import io.ghlcredly.app.metrics.DatabaseCheck;
import io.ghlcredly.app.metrics.GhlAccountsCheck;
import io.ghlcredly.app.metrics.ReadinessCheck;
import io.ghlcredly.core.port.TokenStore;
import io.ghlcredly.credly.CredlyTokenHealth;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The operator probes: {@code /metrics}, {@code /health/live} and {@code /health/ready}. */
public final class MetricsRoutes {
  /** How long readiness waits for the database: probes time out after a few seconds. */
  public static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(2);

  private MetricsRoutes() {}

  /** The routes with the standard readiness checks: database, GHL accounts, Credly token. */
  public static Map<String, Route> create(
      AppMetrics metrics, DataSource database, TokenStore accounts, CredlyTokenHealth credly) {
    return create(
        metrics,
        List.of(
            new DatabaseCheck(database, DATABASE_TIMEOUT),
            new GhlAccountsCheck(accounts),
            new CredlyTokenCheck(credly)));
  }

  public static Map<String, Route> create(AppMetrics metrics, List<ReadinessCheck> readiness) {
    return Map.of(
        "GET /metrics", new MetricsRoute(metrics),
        "GET /health/live", request -> WebhookResponse.ok("live"),
        "GET /health/ready", new ReadyRoute(readiness));
  }
}

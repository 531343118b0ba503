package io.ghlcredly.app.web;

import io.ghlcredly.app.metrics.AppMetrics;
import io.ghlcredly.web.Route;
import io.ghlcredly.web.WebhookRequest;
import io.ghlcredly.web.WebhookResponse;
import java.util.Map;

/** {@code GET /metrics}: every metric in the Prometheus text format. */
public final class MetricsRoute implements Route {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final AppMetrics metrics;

  public MetricsRoute(AppMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public WebhookResponse handle(WebhookRequest request) {
    return new WebhookResponse(200, metrics.scrape(), Map.of("Content-Type", CONTENT_TYPE));
  }
}

package io.ghlcredly.app.web;

import io.ghlcredly.core.sync.SyncCounters;

/** {@code GET /health}: liveness plus the engine's counters. Holds no secrets. */
public final class HealthRoute implements Route {
  private final SyncCounters counters;

  public HealthRoute(SyncCounters counters) {
    this.counters = counters;
  }

  @Override
  public WebhookResponse handle(WebhookRequest request) {
    SyncCounters.Snapshot counts = counters.snapshot();
    return new WebhookResponse(
        200,
        "{\"status\":\"up\",\"eventsAccepted\":"
            + counts.eventsAccepted()
            + ",\"eventsDuplicate\":"
            + counts.eventsDuplicate()
            + ",\"badgesIssued\":"
            + counts.badgesIssued()
            + ",\"duplicatesPrevented\":"
            + counts.duplicatesPrevented()
            + ",\"failures\":"
            + counts.failures()
            + "}",
        java.util.Map.of());
  }
}

package io.ghlcredly.app.metrics;

import io.ghlcredly.core.model.ReceivedEvent;
import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.core.sync.SyncListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Counts events received by source, type, workspace and whether they were duplicates, and events
 * held for a location in no workspace; records each applied event's time from receipt to applied,
 * by source and workspace. Thread-safe.
 */
final class MicrometerSyncListener implements SyncListener {
  static final String EVENTS = AppMetrics.PREFIX + ".events.received";
  static final String LATENCY = AppMetrics.PREFIX + ".event.latency";
  static final String HELD = AppMetrics.PREFIX + ".events.held";

  /** Fixed buckets: from a webhook applied at once to one that waited out retries for an hour. */
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofMinutes(1),
    Duration.ofMinutes(5),
    Duration.ofMinutes(15),
    Duration.ofHours(1)
  };

  private final MeterRegistry registry;
  private volatile WorkspaceLabels workspaces = WorkspaceLabels.NONE;

  MicrometerSyncListener(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Says which workspace each event belongs to, once the workspaces are known. */
  void labelWorkspaces(WorkspaceLabels labels) {
    this.workspaces = labels;
  }

  @Override
  public void eventReceived(String source, SyncEvent event, boolean duplicate) {
    Counter.builder(EVENTS)
        .description(
            "Events received, by source, type and workspace; duplicate ones were already stored")
        .tag("source", source)
        .tag("type", event.type())
        .tag("workspace", workspaces.of(event))
        .tag("duplicate", Boolean.toString(duplicate))
        .register(registry)
        .increment();
  }

  @Override
  public void eventsApplied(List<ReceivedEvent> events, Instant appliedAt) {
    for (ReceivedEvent event : events) {
      Duration latency = Duration.between(event.receivedAt(), appliedAt);
      Timer.builder(LATENCY)
          .description("Time from an event's receipt to its sync job applying it")
          .tag("source", event.source())
          .tag("workspace", workspaces.of(event.event()))
          .serviceLevelObjectives(BUCKETS)
          .register(registry)
          .record(latency.isNegative() ? Duration.ZERO : latency);
    }
  }

  @Override
  public void eventsHeld(int count) {
    Counter.builder(HELD)
        .description("Events held because their location is in no workspace")
        .register(registry)
        .increment(count);
  }
}

package io.ghlcredly.app.metrics;

import io.ghlcredly.core.model.SyncEvent;

/** The {@code workspace} label of an event's metrics: its workspace's id, or {@code none}. */
@FunctionalInterface
public interface WorkspaceLabels {
  /** The label of events whose workspace is not known (yet). */
  String UNASSIGNED = "none";

  /** Labels every event {@link #UNASSIGNED}. */
  WorkspaceLabels NONE = event -> UNASSIGNED;

  /** The workspace's id; fast (called per event), so implementations may answer from a cache. */
  String of(SyncEvent event);
}

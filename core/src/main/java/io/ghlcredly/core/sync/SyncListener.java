package io.ghlcredly.core.sync;

import io.ghlcredly.core.model.ReceivedEvent;
import io.ghlcredly.core.model.SyncEvent;
import java.time.Instant;
import java.util.List;

/**
 * Told what the engine did with events, for metrics; fed through {@link SyncCounters}.
 * Implementations must be thread-safe, fast and must not throw.
 */
public interface SyncListener {
  /** A listener that ignores everything. */
  SyncListener NONE =
      new SyncListener() {
        @Override
        public void eventReceived(String source, SyncEvent event, boolean duplicate) {}

        @Override
        public void eventsApplied(List<ReceivedEvent> events, Instant appliedAt) {}
      };

  /** An event arrived from {@code source}; {@code duplicate} when it was seen before. */
  void eventReceived(String source, SyncEvent event, boolean duplicate);

  /** Events were held: their location is in no workspace. */
  default void eventsHeld(int count) {}

  /** The sync job applied these events (their rules ran) and marked them processed. */
  void eventsApplied(List<ReceivedEvent> events, Instant appliedAt);
}

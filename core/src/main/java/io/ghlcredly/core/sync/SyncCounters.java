package io.ghlcredly.core.sync;

import io.ghlcredly.core.model.ReceivedEvent;
import io.ghlcredly.core.model.SyncEvent;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Running counts of what the engine did since start: for summaries, health and metrics. Passes
 * events on to a {@link SyncListener} (metrics by type and source, latency). Thread-safe.
 */
public final class SyncCounters {
  private final SyncListener listener;
  private final AtomicLong eventsAccepted = new AtomicLong();
  private final AtomicLong eventsDuplicate = new AtomicLong();
  private final AtomicLong badgesIssued = new AtomicLong();
  private final AtomicLong duplicatesPrevented = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong eventsHeld = new AtomicLong();

  public SyncCounters() {
    this(SyncListener.NONE);
  }

  public SyncCounters(SyncListener listener) {
    this.listener = listener;
  }

  void eventAccepted(String source, SyncEvent event) {
    eventAccepted();
    listener.eventReceived(source, event, false);
  }

  void eventDuplicate(String source, SyncEvent event) {
    eventDuplicate();
    listener.eventReceived(source, event, true);
  }

  void eventsApplied(List<ReceivedEvent> events, Instant appliedAt) {
    listener.eventsApplied(events, appliedAt);
  }

  void eventAccepted() {
    eventsAccepted.incrementAndGet();
  }

  void eventDuplicate() {
    eventsDuplicate.incrementAndGet();
  }

  void badgeIssued() {
    badgesIssued.incrementAndGet();
  }

  void duplicatePrevented() {
    duplicatesPrevented.incrementAndGet();
  }

  /** Events kept for a location that no workspace serves. */
  void eventsHeld(int count) {
    eventsHeld.addAndGet(count);
    listener.eventsHeld(count);
  }

  void failure() {
    failures.incrementAndGet();
  }

  public Snapshot snapshot() {
    return new Snapshot(
        eventsAccepted.get(),
        eventsDuplicate.get(),
        badgesIssued.get(),
        duplicatesPrevented.get(),
        failures.get(),
        eventsHeld.get());
  }

  /** The counts at one moment. */
  public record Snapshot(
      long eventsAccepted,
      long eventsDuplicate,
      long badgesIssued,
      long duplicatesPrevented,
      long failures,
      long eventsHeld) {}
}

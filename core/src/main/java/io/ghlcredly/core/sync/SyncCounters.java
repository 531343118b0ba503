package io.ghlcredly.core.sync;

import java.util.concurrent.atomic.AtomicLong;

/** Running counts of what the engine did since start: for summaries, health and metrics. */
public final class SyncCounters {
  private final AtomicLong eventsAccepted = new AtomicLong();
  private final AtomicLong eventsDuplicate = new AtomicLong();
  private final AtomicLong badgesIssued = new AtomicLong();
  private final AtomicLong duplicatesPrevented = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

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

  void failure() {
    failures.incrementAndGet();
  }

  public Snapshot snapshot() {
    return new Snapshot(
        eventsAccepted.get(),
        eventsDuplicate.get(),
        badgesIssued.get(),
        duplicatesPrevented.get(),
        failures.get());
  }

  /** The counts at one moment. */
  public record Snapshot(
      long eventsAccepted,
      long eventsDuplicate,
      long badgesIssued,
      long duplicatesPrevented,
      long failures) {}
}

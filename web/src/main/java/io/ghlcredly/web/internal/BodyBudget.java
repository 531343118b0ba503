package io.ghlcredly.web.internal;

import java.util.concurrent.Semaphore;

/**
 * Webhook body bytes held in memory at once, shared by every request: a request reserves what its
 * body may take before reading it, so two hundred stalled uploads cannot fill the heap. Reserving
 * never waits. Thread-safe.
 */
public final class BodyBudget {
  private static final int UNIT = 1_024;
  private final Semaphore units;

  public BodyBudget(long bytes) {
    this.units = new Semaphore((int) Math.min(Integer.MAX_VALUE, bytes / UNIT));
  }

  /** Reserves room for {@code bytes}; returns the units to give back, or 0 when none is left. */
  public int tryReserve(long bytes) {
    int needed = (int) Math.max(1, (bytes + UNIT - 1) / UNIT);
    return units.tryAcquire(needed) ? needed : 0;
  }

  public void release(int reserved) {
    if (reserved > 0) {
      units.release(reserved);
    }
  }
}

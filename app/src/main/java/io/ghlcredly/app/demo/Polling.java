package io.ghlcredly.app.demo;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition that another thread makes true, such as a badge arriving. */
final class Polling {
  private static final long STEP_MILLIS = 50;

  private Polling() {}

  static void until(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the demo step did not finish within " + timeout);
      }
      try {
        // A demo driver watching emulators from outside: polling is the honest way to wait here.
        Thread.sleep(STEP_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }
}

package io.ghlcredly.testkit.credly;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many calls one organization has in flight now, and the most it had at once since the last
 * reset: the evidence that a client held its per-organization concurrency limit. Thread-safe
 * (atomics; the maximum may lag the current count by a moment, never exceed what was reached).
 */
final class InFlightGauge {
  private final AtomicInteger current = new AtomicInteger();
  private final AtomicInteger max = new AtomicInteger();

  /** Counts a call in; run the returned action once when it ends. */
  Runnable enter() {
    int now = current.incrementAndGet();
    max.accumulateAndGet(now, Math::max);
    return current::decrementAndGet;
  }

  int max() {
    return max.get();
  }

  int current() {
    return current.get();
  }

  /** Starts measuring again from the calls in flight now. */
  void reset() {
    max.set(current.get());
  }
}

package io.ghlcredly.app.cluster;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * Samples a growing call count a few times a second, to report the busiest window of a run: how
 * hard the load pressed on a rate limit. A figure to print, never to assert on.
 */
final class CallRateSampler implements AutoCloseable {
  private static final Duration EVERY = Duration.ofMillis(250);

  private record Sample(long nanos, long count) {}

  private final LongSupplier calls;
  private final List<Sample> samples = new CopyOnWriteArrayList<>();
  private final Thread thread;

  private CallRateSampler(LongSupplier calls) {
    this.calls = calls;
    this.thread = Thread.ofVirtual().name("call-rate-sampler").start(this::sample);
  }

  static CallRateSampler start(LongSupplier calls) {
    return new CallRateSampler(calls);
  }

  /** The most calls counted within any {@code window} so far (to the sampling's precision). */
  long busiest(Duration window) {
    List<Sample> all = List.copyOf(samples);
    long most = 0;
    int start = 0;
    for (Sample end : all) {
      while (end.nanos() - all.get(start).nanos() > window.toNanos()) {
        start++;
      }
      most = Math.max(most, end.count() - all.get(start).count());
    }
    return most;
  }

  private void sample() {
    while (!Thread.currentThread().isInterrupted()) {
      samples.add(new Sample(System.nanoTime(), calls.getAsLong()));
      try {
        Thread.sleep(EVERY);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void close() {
    thread.interrupt();
  }
}

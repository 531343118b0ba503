package io.ghlcredly.http.ratelimit;

import io.github.bucket4j.BlockingStrategy;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that moves only when told; its blocking strategy "waits" by moving it. Thread-safe. */
final class ManualClock implements InstantSource {
  private final AtomicReference<Instant> now;

  ManualClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  void advance(Duration duration) {
    now.updateAndGet(current -> current.plus(duration));
  }

  void set(Instant instant) {
    now.set(instant);
  }

  /** Parking advances the clock by the time asked, so waits take no real time. */
  BlockingStrategy blocking() {
    return nanos -> advance(Duration.ofNanos(nanos));
  }
}

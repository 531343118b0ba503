package io.ghlcredly.testkit.time;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until a test moves it. Thread-safe. */
public final class MutableClock implements InstantSource {
  private final AtomicReference<Instant> now;

  private MutableClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  public static MutableClock at(Instant start) {
    return new MutableClock(start);
  }

  /** Starts at the current system time, truncated to the second. */
  public static MutableClock startingNow() {
    return at(Instant.ofEpochSecond(InstantSource.system().instant().getEpochSecond()));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  /** Moves forward (or back, for a negative duration); returns the new time. */
  public Instant advance(Duration duration) {
    return now.updateAndGet(current -> current.plus(duration));
  }

  public void set(Instant instant) {
    now.set(instant);
  }
}

package io.ghlcredly.http.ratelimit;

import io.github.bucket4j.TimeMeter;
import java.time.Instant;
import java.time.InstantSource;

/** Bucket4j time from the injected clock, so tests drive the buckets with a manual clock. */
record InstantSourceTimeMeter(InstantSource clock) implements TimeMeter {
  @Override
  public long currentTimeNanos() {
    Instant now = clock.instant();
    return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
  }

  /** Wall-clock based: the daily bucket refills aligned to UTC midnight. */
  @Override
  public boolean isWallClockBased() {
    return true;
  }
}

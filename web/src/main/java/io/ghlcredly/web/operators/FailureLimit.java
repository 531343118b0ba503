package io.ghlcredly.web.operators;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most {@code failures} failed attempts per key (an email, a client address) in a window that
 * starts with the key's first failure; when they are spent, attempts wait until the window ends and
 * all come back at once. An attempt takes one of the key's allowance first and gives it back when
 * it succeeds ({@link #refund}), so that attempts at the same moment cannot slip past the limit and
 * successes never count.
 *
 * <p>The buckets (Bucket4j) live in this process: with several instances, each counts its own
 * attempts. Keys whose allowance is whole are forgotten once there are many keys, so memory stays
 * bounded. Thread-safe.
 */
public final class FailureLimit {
  private static final Logger log = LoggerFactory.getLogger(FailureLimit.class);
  static final int MAX_KEYS = 100_000;

  private final String name;
  private final int failures;
  private final Duration window;
  private final TimeMeter time;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * @param name what the keys are, for logs ({@code account}, {@code address})
   */
  public FailureLimit(String name, int failures, Duration window, InstantSource clock) {
    if (failures < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a failure limit needs failures >= 1 and a window > 0");
    }
    this.name = name;
    this.failures = failures;
    this.window = window;
    this.time = new ClockTime(clock);
  }

  /**
   * Takes one attempt of the key's allowance.
   *
   * @return empty when the attempt may go ahead; else how long until the allowance comes back,
   *     rounded up to whole seconds (fit for a {@code Retry-After} header)
   */
  public Optional<Duration> reserve(String key) {
    if (buckets.size() >= MAX_KEYS) {
      forgetWholeAllowances();
    }
    ConsumptionProbe probe =
        buckets.computeIfAbsent(key, k -> newBucket()).tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return Optional.empty();
    }
    long nanos = probe.getNanosToWaitForRefill();
    return Optional.of(Duration.ofSeconds(Math.ceilDiv(nanos, 1_000_000_000L)));
  }

  /** Gives back the attempt {@link #reserve} took: it succeeded. */
  public void refund(String key) {
    Bucket bucket = buckets.get(key);
    if (bucket != null) {
      bucket.addTokens(1);
    }
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(failures).refillIntervally(failures, window))
        .withCustomTimePrecision(time)
        .build();
  }

  private void forgetWholeAllowances() {
    buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= failures);
    if (buckets.size() >= MAX_KEYS) {
      // Only under a flood of distinct keys: forgetting them all lets each try again, which is
      // better than running out of memory.
      log.atWarn()
          .addKeyValue("limit", name)
          .addKeyValue("keys", buckets.size())
          .log("too many keys with failed attempts; forgetting them all");
      buckets.clear();
    }
  }

  /** Bucket4j's time from the injected clock, so that tests move it by hand. */
  private record ClockTime(InstantSource clock) implements TimeMeter {
    @Override
    public long currentTimeNanos() {
      return Duration.ofMillis(clock.millis()).toNanos();
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  }
}

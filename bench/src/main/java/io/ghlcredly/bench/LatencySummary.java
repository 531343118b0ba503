package io.ghlcredly.bench;

import java.time.Duration;
import java.util.Arrays;

/**
 * Percentiles of a set of latencies, by the nearest-rank method (the p-th percentile is the
 * smallest sample with at least p% of the samples at or below it), so every figure is a latency
 * that was actually observed.
 *
 * @param count how many samples
 */
public record LatencySummary(int count, Duration p50, Duration p95, Duration p99, Duration max) {
  private static final LatencySummary EMPTY =
      new LatencySummary(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);

  /** Summarizes samples in nanoseconds; the array is not changed. */
  public static LatencySummary ofNanos(long[] samples) {
    if (samples.length == 0) {
      return EMPTY;
    }
    long[] sorted = samples.clone();
    Arrays.sort(sorted);
    return new LatencySummary(
        sorted.length,
        Duration.ofNanos(percentile(sorted, 50)),
        Duration.ofNanos(percentile(sorted, 95)),
        Duration.ofNanos(percentile(sorted, 99)),
        Duration.ofNanos(sorted[sorted.length - 1]));
  }

  /**
   * The nearest-rank percentile of sorted samples.
   *
   * @param percent in (0, 100]
   */
  static long percentile(long[] sorted, double percent) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    if (!(percent > 0 && percent <= 100)) {
      throw new IllegalArgumentException("percent must be in (0, 100]: " + percent);
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }
}

package io.ghlcredly.app.faults;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Percentiles of measured durations (nearest rank), and their text in milliseconds. */
final class Percentiles {
  private Percentiles() {}

  /** The p-th percentile (0 to 100) of the values by nearest rank; -1 when there are none. */
  static long of(Collection<Long> values, double p) {
    if (values.isEmpty()) {
      return -1;
    }
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int rank = (int) Math.ceil(p / 100 * sorted.size());
    return sorted.get(Math.min(sorted.size() - 1, Math.max(0, rank - 1)));
  }

  /** Nanoseconds as {@code 12.3 ms}; {@code none} for -1. */
  static String ms(long nanos) {
    return nanos < 0 ? "none" : String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
  }

  /** Nanoseconds as {@code 12.3 s}; {@code none} for -1. */
  static String seconds(long nanos) {
    return nanos < 0 ? "none" : String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
  }

  /** {@code p50 / p95 / max} of the values, in ms. */
  static String summaryMs(Collection<Long> values) {
    return ms(of(values, 50)) + " / " + ms(of(values, 95)) + " / " + ms(of(values, 100));
  }
}

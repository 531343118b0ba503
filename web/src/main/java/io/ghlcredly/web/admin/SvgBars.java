package io.ghlcredly.web.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/** Bar geometry for the dashboard's inline SVG charts, one bar per minute. */
final class SvgBars {
  static final int WIDTH = 600;
  static final int HEIGHT = 100;

  /** The charts cover the last hour. */
  static final int MINUTES = 60;

  private static final int SLOT = WIDTH / MINUTES;

  private SvgBars() {}

  /**
   * One bar.
   *
   * @param title the tooltip of a bar, such as {@code 12:04 — 3 events}
   */
  record Bar(int x, int y, int width, int height, String title) {}

  /** A chart: its bars and the largest value, which the full height stands for. */
  record Chart(List<Bar> bars, long max) {
    Chart {
      bars = List.copyOf(bars);
    }
  }

  static Chart of(
      List<AdminViews.Minute> minutes, ToLongFunction<AdminViews.Minute> value, String unit) {
    long max = 1;
    for (AdminViews.Minute minute : minutes) {
      max = Math.max(max, value.applyAsLong(minute));
    }
    List<Bar> bars = new ArrayList<>(minutes.size());
    for (int i = 0; i < minutes.size(); i++) {
      AdminViews.Minute minute = minutes.get(i);
      long amount = value.applyAsLong(minute);
      int height = (int) Math.round((double) amount * HEIGHT / max);
      String time = minute.minute().substring(11, 16);
      bars.add(
          new Bar(i * SLOT, HEIGHT - height, SLOT - 2, height, time + " UTC: " + amount + unit));
    }
    return new Chart(bars, max);
  }
}

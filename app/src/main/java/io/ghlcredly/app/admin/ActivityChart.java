package io.ghlcredly.app.admin;

import io.ghlcredly.storage.JdbcEventInbox;
import io.ghlcredly.storage.LocationFilter;
import io.ghlcredly.web.admin.AdminViews;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Throughput and latency per minute over the last hour, from when the inbox received and processed
 * each event. Thread-safe.
 */
final class ActivityChart {
  static final int MINUTES = 60;
  // Enough for a busy hour; beyond it the chart under-counts rather than loading without bound.
  private static final int MAX_EVENTS = 200_000;

  private final JdbcEventInbox inbox;
  private final InstantSource clock;

  ActivityChart(JdbcEventInbox inbox, InstantSource clock) {
    this.inbox = inbox;
    this.clock = clock;
  }

  AdminViews.Activity lastHour(LocationFilter filter) {
    Instant end = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    Instant start = end.minus(Duration.ofMinutes(MINUTES));
    long[] received = new long[MINUTES];
    long[] processed = new long[MINUTES];
    long[] latencySum = new long[MINUTES];
    long[] latencyMax = new long[MINUTES];
    for (JdbcEventInbox.Timing timing : inbox.listTimingsSince(start, MAX_EVENTS, filter)) {
      int minute = (int) Duration.between(start, timing.receivedAt()).toMinutes();
      if (minute < 0 || minute >= MINUTES) {
        continue;
      }
      received[minute]++;
      Instant done = timing.processedAt();
      if (done != null) {
        long millis = Math.max(0, Duration.between(timing.receivedAt(), done).toMillis());
        processed[minute]++;
        latencySum[minute] += millis;
        latencyMax[minute] = Math.max(latencyMax[minute], millis);
      }
    }
    List<AdminViews.Minute> minutes = new ArrayList<>(MINUTES);
    for (int i = 0; i < MINUTES; i++) {
      boolean any = processed[i] > 0;
      minutes.add(
          new AdminViews.Minute(
              start.plus(Duration.ofMinutes(i)).toString(),
              received[i],
              processed[i],
              any ? latencySum[i] / processed[i] : null,
              any ? latencyMax[i] : null));
    }
    return new AdminViews.Activity(start.toString(), end.toString(), minutes);
  }
}

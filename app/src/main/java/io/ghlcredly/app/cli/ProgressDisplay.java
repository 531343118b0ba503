package io.ghlcredly.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * One phase of a long command (count/total, rate, ETA): a progress bar on a terminal, or a plain
 * line every few seconds when the output is a pipe or a file. Not thread-safe.
 */
interface ProgressDisplay extends AutoCloseable {
  /** Moves to {@code done}; {@code extra} is a short status such as the counts so far. */
  void update(long done, String extra);

  @Override
  void close();

  /**
   * A display for one phase.
   *
   * @param total the expected count, or -1 when unknown
   * @param alreadyDone what an earlier run did (a resumed import), left out of the rate
   */
  static ProgressDisplay open(
      String phase,
      long total,
      long alreadyDone,
      boolean terminal,
      PrintWriter out,
      InstantSource clock) {
    return terminal
        ? new Bar(phase, total, alreadyDone)
        : new Lines(phase, total, alreadyDone, out, clock);
  }

  /** The tongfei progress bar, drawn on the console. */
  final class Bar implements ProgressDisplay {
    private final ProgressBar bar;

    /** Draws on the console (standard error), where it can redraw in place. */
    Bar(String phase, long total, long alreadyDone) {
      this.bar =
          new ProgressBarBuilder()
              .setTaskName(phase)
              .setInitialMax(total)
              .startsFrom(alreadyDone, Duration.ZERO)
              .setStyle(ProgressBarStyle.ASCII)
              .showSpeed()
              .build();
    }

    @Override
    public void update(long done, String extra) {
      bar.stepTo(done);
      bar.setExtraMessage(extra);
    }

    @Override
    public void close() {
      bar.close();
    }
  }

  /** A line every {@link #EVERY}, and one at the end. */
  final class Lines implements ProgressDisplay {
    static final Duration EVERY = Duration.ofSeconds(5);

    private final String phase;
    private final long total;
    private final long alreadyDone;
    private final PrintWriter out;
    private final InstantSource clock;
    private final Instant started;
    private Instant lastLine;
    private long done;
    private String extra = "";

    Lines(String phase, long total, long alreadyDone, PrintWriter out, InstantSource clock) {
      this.phase = phase;
      this.total = total;
      this.alreadyDone = alreadyDone;
      this.out = out;
      this.clock = clock;
      this.started = clock.instant();
      this.lastLine = started;
      this.done = alreadyDone;
    }

    @Override
    public void update(long done, String extra) {
      this.done = done;
      this.extra = extra;
      Instant now = clock.instant();
      if (!now.isBefore(lastLine.plus(EVERY))) {
        lastLine = now;
        print(now);
      }
    }

    @Override
    public void close() {
      print(clock.instant());
    }

    private void print(Instant now) {
      Duration elapsed = Duration.between(started, now);
      double rate = (done - alreadyDone) / Math.max(elapsed.toMillis() / 1000.0, 0.001);
      StringBuilder line = new StringBuilder(phase).append(": ").append(done);
      if (total >= 0) {
        line.append('/').append(total);
        line.append(String.format(" (%d%%)", total == 0 ? 100 : done * 100 / total));
      }
      line.append(String.format(", %.1f/s", rate));
      if (total >= 0 && rate > 0 && done < total) {
        line.append(", ETA ")
            .append(Summary.duration(Duration.ofSeconds((long) ((total - done) / rate))));
      }
      if (!extra.isEmpty()) {
        line.append(", ").append(extra);
      }
      out.println(line);
      out.flush();
    }
  }
}

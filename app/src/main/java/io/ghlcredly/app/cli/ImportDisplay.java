package io.ghlcredly.app.cli;

import io.ghlcredly.app.operations.ImportRun;
import io.ghlcredly.core.sync.ImportProgress;
import java.io.PrintWriter;
import java.time.InstantSource;
import org.jspecify.annotations.Nullable;

/**
 * Shows an import as it runs, in this process or in a service: the walk ({@code importing} or
 * {@code planning}), then the wait for the job workers ({@code applying}), each as a progress bar
 * on a terminal or as plain lines. Not thread-safe.
 */
final class ImportDisplay implements ImportRun.Listener, AutoCloseable {
  private final PrintWriter out;
  private final boolean terminal;
  private final InstantSource clock;
  private @Nullable ProgressDisplay walk;
  private @Nullable ProgressDisplay applying;

  ImportDisplay(PrintWriter out, boolean terminal, InstantSource clock) {
    this.out = out;
    this.terminal = terminal;
    this.clock = clock;
  }

  @Override
  public void started(ImportProgress progress) {
    if (progress.resumedAt() > 0) {
      out.println(
          "resuming after page " + progress.pages() + " (" + progress.walked() + " contacts)");
    }
    walk =
        ProgressDisplay.open(
            progress.dryRun() ? "planning" : "importing",
            progress.total(),
            progress.resumedAt(),
            terminal,
            out,
            clock);
  }

  @Override
  public void pageDone(ImportProgress progress) {
    if (walk != null) {
      walk.update(progress.walked(), Summary.counts(progress));
    }
  }

  @Override
  public void applying(long applied, long total) {
    if (applying == null) {
      closeWalk();
      applying = ProgressDisplay.open("applying", total, 0, terminal, out, clock);
    }
    applying.update(applied, "");
  }

  private void closeWalk() {
    if (walk != null) {
      walk.close();
      walk = null;
    }
  }

  @Override
  public void close() {
    closeWalk();
    if (applying != null) {
      applying.close();
      applying = null;
    }
  }
}

package io.ghlcredly.app.cli;

import io.ghlcredly.app.operations.DryRunTally;
import io.ghlcredly.core.sync.ImportProgress;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * The closing lines of an import: counts, wall time and, for a dry run, what would be done. The
 * same whether the import ran in this process or in a running service.
 */
final class Summary {
  private Summary() {}

  static void printImport(PrintWriter out, ImportProgress end, boolean applied) {
    String state =
        !end.complete()
            ? "stopped; run the same command again to resume"
            : applied ? "done" : "queued; the service applies the rest";
    out.println(
        "import "
            + state
            + ": "
            + counts(end)
            + ", "
            + end.pages()
            + " pages in "
            + duration(end.elapsed()));
    out.flush();
  }

  static void printDryRun(PrintWriter out, ImportProgress end, DryRunTally tally, int show) {
    out.println(
        "dry run: "
            + end.walked()
            + " contacts walked, "
            + end.planned()
            + " with something to do, "
            + end.unchanged()
            + " with nothing to do, "
            + end.pages()
            + " pages in "
            + duration(end.elapsed())
            + "; nothing was written");
    tally.stepsByRule().forEach((rule, count) -> out.println("  " + rule + ": " + count));
    tally.firstPlans().stream().limit(show).forEach(plan -> PlanCommand.print(out, plan));
    out.flush();
  }

  static String counts(ImportProgress progress) {
    return progress.dryRun()
        ? progress.planned() + " to change, " + progress.unchanged() + " unchanged"
        : progress.walked()
            + " walked, "
            + progress.queued()
            + " queued, "
            + progress.skipped()
            + " skipped";
  }

  static String duration(Duration duration) {
    long seconds = duration.toSeconds();
    return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
}

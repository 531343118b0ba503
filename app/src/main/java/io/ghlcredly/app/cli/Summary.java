package io.ghlcredly.app.cli;

import io.ghlcredly.core.sync.ContactPlanner;
import io.ghlcredly.core.sync.ImportProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The closing lines of an import: counts, wall time and, for a dry run, what would be done. */
final class Summary {
  private static final int KEPT_PLANS = 1_000;

  private final Map<String, Long> stepsByRule = new TreeMap<>();
  private final List<ContactPlanner.Plan> firstPlans = new ArrayList<>();

  /** Counts the plan's steps by rule and action; keeps the first plans with something to do. */
  void add(ContactPlanner.Plan plan) {
    for (ContactPlanner.Step step : plan.steps()) {
      stepsByRule.merge(step.ruleId() + " \u2192 " + step.action(), 1L, Long::sum);
    }
    if (!plan.steps().isEmpty() && firstPlans.size() < KEPT_PLANS) {
      firstPlans.add(plan);
    }
  }

  void printImport(PrintWriter out, ImportProgress end, boolean applied) {
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

  void printDryRun(PrintWriter out, ImportProgress end, int show) {
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
    stepsByRule.forEach((rule, count) -> out.println("  " + rule + ": " + count));
    firstPlans.stream().limit(show).forEach(plan -> PlanCommand.print(out, plan));
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

package io.ghlcredly.app.operations;

import io.ghlcredly.core.sync.ContactPlanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a dry-run import would do: the planned steps counted by rule and action, and the first plans
 * with something to do. Thread-safe: a service fills it on its import thread while the admin API
 * reads it.
 */
public final class DryRunTally {
  /** The most plans kept: a dry run shows the first few, never a whole location's. */
  public static final int KEPT_PLANS = 1_000;

  private final Map<String, Long> stepsByRule = new TreeMap<>();
  private final List<ContactPlanner.Plan> firstPlans = new ArrayList<>();
  private final int keep;

  public DryRunTally() {
    this(KEPT_PLANS);
  }

  /** Keeps at most {@code keep} plans. */
  public DryRunTally(int keep) {
    this.keep = Math.clamp(keep, 0, KEPT_PLANS);
  }

  /** A tally as another process counted it (a service's dry run). */
  public static DryRunTally of(
      Map<String, Long> stepsByRule, List<ContactPlanner.Plan> firstPlans) {
    DryRunTally tally = new DryRunTally(firstPlans.size());
    tally.stepsByRule.putAll(stepsByRule);
    tally.firstPlans.addAll(firstPlans);
    return tally;
  }

  /** Counts the plan's steps by rule and action; keeps the first plans with something to do. */
  public synchronized void add(ContactPlanner.Plan plan) {
    for (ContactPlanner.Step step : plan.steps()) {
      stepsByRule.merge(key(step), 1L, Long::sum);
    }
    if (!plan.steps().isEmpty() && firstPlans.size() < keep) {
      firstPlans.add(plan);
    }
  }

  /** {@code rule → action} to how many contacts it would be done for, sorted. */
  public synchronized Map<String, Long> stepsByRule() {
    return new TreeMap<>(stepsByRule);
  }

  /** The first plans with something to do, in walk order. */
  public synchronized List<ContactPlanner.Plan> firstPlans() {
    return List.copyOf(firstPlans);
  }

  private static String key(ContactPlanner.Step step) {
    return step.ruleId() + " \u2192 " + step.action();
  }
}

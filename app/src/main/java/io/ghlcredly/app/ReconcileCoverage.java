package io.ghlcredly.app;

import io.ghlcredly.app.config.DurationText;
import io.ghlcredly.app.config.GhlConfig;

/**
 * What the reconciliation pass covers, in words for the startup log and {@code config check}: an
 * operator should see at once whether lost webhooks will be found, and where.
 */
public final class ReconcileCoverage {
  /** What an operator gives up by turning the pass off. */
  public static final String OFF =
      "changes whose webhook GHL never delivered will not be found (ghl.reconcile.enabled is"
          + " false)";

  private ReconcileCoverage() {}

  /** The locations the pass polls, as the configuration names them. */
  public static String covers(GhlConfig ghl) {
    return switch (ghl.mode()) {
      case PRIVATE_TOKEN -> "location " + ghl.privateTokenLocation() + " (private token)";
      case OAUTH ->
          ghl.locations().isEmpty()
              ? "every connected OAuth location"
              : "OAuth locations " + String.join(", ", ghl.locations()) + ", once connected";
    };
  }

  /** As {@link #covers(GhlConfig)}, with how many locations the pass would poll now. */
  static String covers(GhlConfig ghl, int pollingNow) {
    return switch (ghl.mode()) {
      case PRIVATE_TOKEN -> covers(ghl);
      case OAUTH -> covers(ghl) + " (" + pollingNow + " now)";
    };
  }

  /** One line: how often the pass runs and what it covers, or that it is off. */
  public static String summary(GhlConfig ghl) {
    GhlConfig.Reconcile settings = ghl.reconcile();
    if (!settings.enabled()) {
      return "reconciliation: off; " + OFF;
    }
    return "reconciliation: every "
        + DurationText.format(settings.every())
        + ", lookback "
        + DurationText.format(settings.lookback())
        + ", covers "
        + covers(ghl);
  }
}

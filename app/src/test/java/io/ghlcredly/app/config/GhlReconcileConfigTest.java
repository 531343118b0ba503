package io.ghlcredly.app.config;

import static io.ghlcredly.app.config.ConfigFixtures.minimalEnv;
import static io.ghlcredly.app.config.ConfigFixtures.resource;
import static io.ghlcredly.app.config.ConfigFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.error.ConfigException.ConfigProblem;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GhlReconcileConfigTest {
  @Test
  void reconcilesEveryQuarterHourLookingBackADayWithAFifthOfTheBudgetByDefault() {
    GhlConfig.Reconcile reconcile =
        ConfigLoader.load(resource("minimal.yaml"), minimalEnv()).ghl().reconcile();

    assertThat(reconcile)
        .isEqualTo(new GhlConfig.Reconcile(true, Duration.ofMinutes(15), Duration.ofDays(1), 0.2));
  }

  @Test
  void readsEveryKeyFromOverrides() {
    Map<String, String> env = with(minimalEnv(), "GCS_GHL_RECONCILE_ENABLED", "false");
    env = with(env, "GCS_GHL_RECONCILE_EVERY", "5m");
    env = with(env, "GCS_GHL_RECONCILE_LOOKBACK", "2h");
    env = with(env, "GCS_GHL_RECONCILE_BUDGET_SHARE", "0.5");

    GhlConfig.Reconcile reconcile =
        ConfigLoader.load(resource("minimal.yaml"), env).ghl().reconcile();

    assertThat(reconcile)
        .isEqualTo(new GhlConfig.Reconcile(false, Duration.ofMinutes(5), Duration.ofHours(2), 0.5));
  }

  @Test
  void refusesABudgetShareOutsideZeroToOne() {
    for (String share : new String[] {"0", "1.5", "-0.2", "a fifth"}) {
      assertThat(
              ConfigLoader.check(
                  resource("minimal.yaml"),
                  with(minimalEnv(), "GCS_GHL_RECONCILE_BUDGET_SHARE", share)))
          .extracting(ConfigProblem::path)
          .containsExactly("ghl.reconcile.budget-share");
    }
  }

  @Test
  void refusesAPassMoreOftenThanEverySecond() {
    assertThat(
            ConfigLoader.check(
                resource("minimal.yaml"), with(minimalEnv(), "GCS_GHL_RECONCILE_EVERY", "500ms")))
        .extracting(ConfigProblem::path)
        .containsExactly("ghl.reconcile.every");
  }
}

package io.ghlcredly.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.app.config.GhlConfig;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the startup log and {@code config check} say the reconciliation pass covers. */
class ReconcileCoverageTest {
  @TempDir Path folder;

  @Test
  void aPrivateTokenCoversItsLocation() throws IOException {
    GhlConfig ghl = files().privateToken("    location-id: loc-token\n", "");

    assertThat(ReconcileCoverage.covers(ghl)).isEqualTo("location loc-token (private token)");
    assertThat(ReconcileCoverage.covers(ghl, 1)).isEqualTo("location loc-token (private token)");
    assertThat(ReconcileCoverage.summary(ghl))
        .isEqualTo(
            "reconciliation: every 15m, lookback 1d, covers location loc-token (private token)");
  }

  @Test
  void oauthCoversEveryConnectedLocationOrTheAllowedOnes() throws IOException {
    GhlConfig any = files().oauth("");
    GhlConfig allowed = files().oauth("  locations: [loc-a, loc-b]\n");

    assertThat(ReconcileCoverage.covers(any, 3))
        .isEqualTo("every connected OAuth location (3 now)");
    assertThat(ReconcileCoverage.covers(allowed, 1))
        .isEqualTo("OAuth locations loc-a, loc-b, once connected (1 now)");
    assertThat(ReconcileCoverage.summary(any)).endsWith("covers every connected OAuth location");
  }

  @Test
  void turnedOffItSaysWhatIsLost() throws IOException {
    GhlConfig ghl =
        files().privateToken("    location-id: loc-token\n", "  reconcile:\n    enabled: false\n");

    assertThat(ReconcileCoverage.summary(ghl))
        .isEqualTo(
            "reconciliation: off; changes whose webhook GHL never delivered will not be found"
                + " (ghl.reconcile.enabled is false)");
  }

  private GhlConfigFiles files() {
    return new GhlConfigFiles(folder);
  }
}

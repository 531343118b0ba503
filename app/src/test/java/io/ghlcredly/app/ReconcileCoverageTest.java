package io.ghlcredly.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.app.config.ConfigLoader;
import io.ghlcredly.app.config.GhlConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the startup log and {@code config check} say the reconciliation pass covers. */
class ReconcileCoverageTest {
  private static final Map<String, String> ENV =
      Map.of("GHL_TOKEN", "pit-1", "GHL_SECRET", "secret-1", "CREDLY_TOKEN", "credly-1");

  @TempDir Path folder;

  @Test
  void aPrivateTokenCoversItsLocation() throws IOException {
    GhlConfig ghl = load(privateToken("    location-id: loc-token\n", ""));

    assertThat(ReconcileCoverage.covers(ghl)).isEqualTo("location loc-token (private token)");
    assertThat(ReconcileCoverage.covers(ghl, 1)).isEqualTo("location loc-token (private token)");
    assertThat(ReconcileCoverage.summary(ghl))
        .isEqualTo(
            "reconciliation: every 15m, lookback 1d, covers location loc-token (private token)");
  }

  @Test
  void oauthCoversEveryConnectedLocationOrTheAllowedOnes() throws IOException {
    GhlConfig any = load(oauth(""));
    GhlConfig allowed = load(oauth("  locations: [loc-a, loc-b]\n"));

    assertThat(ReconcileCoverage.covers(any, 3))
        .isEqualTo("every connected OAuth location (3 now)");
    assertThat(ReconcileCoverage.covers(allowed, 1))
        .isEqualTo("OAuth locations loc-a, loc-b, once connected (1 now)");
    assertThat(ReconcileCoverage.summary(any)).endsWith("covers every connected OAuth location");
  }

  @Test
  void turnedOffItSaysWhatIsLost() throws IOException {
    GhlConfig ghl =
        load(privateToken("    location-id: loc-token\n", "  reconcile:\n    enabled: false\n"));

    assertThat(ReconcileCoverage.summary(ghl))
        .isEqualTo(
            "reconciliation: off; changes whose webhook GHL never delivered will not be found"
                + " (ghl.reconcile.enabled is false)");
  }

  private static GhlConfig load(Path file) {
    return ConfigLoader.load(file, ENV).ghl();
  }

  private Path privateToken(String authLines, String ghlLines) throws IOException {
    return write(
        """
        ghl:
          auth:
            mode: private-token
            private-token: ${GHL_TOKEN}
        %s%s"""
            .formatted(authLines, ghlLines));
  }

  private Path oauth(String ghlLines) throws IOException {
    return write(
        """
        server:
          public-url: https://sync.example.com
        ghl:
          auth:
            mode: oauth
            client-id: client-1
            client-secret: ${GHL_SECRET}
        %s"""
            .formatted(ghlLines));
  }

  private Path write(String ghl) throws IOException {
    return Files.writeString(
        Files.createTempFile(folder, "config", ".yaml"),
        ghl
            + """
            credly:
              environment: sandbox
              organization-id: 00000000-0000-0000-0000-000000000001
              auth:
                token: ${CREDLY_TOKEN}
            """);
  }
}

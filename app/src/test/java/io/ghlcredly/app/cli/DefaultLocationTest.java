package io.ghlcredly.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.app.config.ConfigLoader;
import io.ghlcredly.app.config.GhlConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which location {@code import} and {@code plan} use without {@code --location}. */
class DefaultLocationTest {
  private static final Map<String, String> ENV =
      Map.of("GHL_TOKEN", "pit-1", "GHL_SECRET", "secret-1", "CREDLY_TOKEN", "credly-1");

  @TempDir Path folder;

  @Test
  void isThePrivateTokensLocation() throws IOException {
    assertThat(DefaultLocation.of(ghl(privateToken("    location-id: loc-token\n", ""))))
        .isEqualTo("loc-token");
  }

  @Test
  void isTheOneListedLocationOfAFileWrittenBeforeLocationId() throws IOException {
    assertThat(DefaultLocation.of(ghl(privateToken("", "  locations: [loc-listed]\n"))))
        .isEqualTo("loc-listed");
  }

  @Test
  void isTheOneAllowedLocationInOAuthMode() throws IOException {
    assertThat(DefaultLocation.of(ghl(oauth("  locations: [loc-a]\n")))).isEqualTo("loc-a");
  }

  @Test
  void isNoneInOAuthModeWithAnyOrSeveralLocations() throws IOException {
    assertThat(DefaultLocation.of(ghl(oauth("")))).isNull();
    assertThat(DefaultLocation.of(ghl(oauth("  locations: [loc-a, loc-b]\n")))).isNull();
  }

  private static GhlConfig ghl(Path file) {
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

package io.ghlcredly.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.app.GhlConfigFiles;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which location {@code import} and {@code plan} use without {@code --location}. */
class DefaultLocationTest {
  @TempDir Path folder;

  @Test
  void isThePrivateTokensLocation() throws IOException {
    assertThat(DefaultLocation.of(files().privateToken("    location-id: loc-token\n", "")))
        .isEqualTo("loc-token");
  }

  @Test
  void isTheOneListedLocationOfAFileWrittenBeforeLocationId() throws IOException {
    assertThat(DefaultLocation.of(files().privateToken("", "  locations: [loc-listed]\n")))
        .isEqualTo("loc-listed");
  }

  @Test
  void isTheOneAllowedLocationInOAuthMode() throws IOException {
    assertThat(DefaultLocation.of(files().oauth("  locations: [loc-a]\n"))).isEqualTo("loc-a");
  }

  @Test
  void isNoneInOAuthModeWithAnyOrSeveralLocations() throws IOException {
    assertThat(DefaultLocation.of(files().oauth(""))).isNull();
    assertThat(DefaultLocation.of(files().oauth("  locations: [loc-a, loc-b]\n"))).isNull();
  }

  private GhlConfigFiles files() {
    return new GhlConfigFiles(folder);
  }
}

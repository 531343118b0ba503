package io.ghlcredly.app.config;

import static io.ghlcredly.app.config.ConfigFixtures.minimalEnv;
import static io.ghlcredly.app.config.ConfigFixtures.resource;
import static io.ghlcredly.app.config.ConfigFixtures.validEnv;
import static io.ghlcredly.app.config.ConfigFixtures.with;
import static io.ghlcredly.app.config.ConfigFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.error.ConfigException.ConfigProblem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ghl.auth.location-id}: which location a Private Integration Token belongs to. */
class GhlTokenLocationConfigTest {
  private static final String REQUIRED =
      "required with mode private-token: the id of the sub-account (location) the Private"
          + " Integration Token belongs to; in GHL it is under Settings > Business Profile, and in"
          + " the address bar after /location/";
  private static final String SEVERAL =
      "a Private Integration Token reaches one location: list only the token's location, or"
          + " none (use mode oauth for several locations)";

  @TempDir Path directory;

  @Test
  void locationIdAloneIsTheTokensLocation() throws IOException {
    GhlConfig ghl =
        ConfigLoader.load(privateToken("    location-id: ve9EPM428h8vShlRW1KT\n", ""), minimalEnv())
            .ghl();

    assertThat(ghl.privateTokenLocation()).isEqualTo("ve9EPM428h8vShlRW1KT");
    assertThat(ghl.locations()).isEmpty();
    assertThat(ghl.configuredLocations()).containsExactly("ve9EPM428h8vShlRW1KT");
  }

  @Test
  void aMissingLocationIdSaysWhereToFindIt() throws IOException {
    assertThat(ConfigLoader.check(privateToken("", ""), minimalEnv()))
        .containsExactly(new ConfigProblem("ghl.auth.location-id", REQUIRED));
  }

  @Test
  void theFormerOneListedLocationStillNamesTheTokensLocation() throws IOException {
    Path file = privateToken("", "  locations: [loc-1]\n");

    GhlConfig ghl = ConfigLoader.load(file, minimalEnv()).ghl();

    assertThat(ghl.privateTokenLocation()).isEqualTo("loc-1");
    assertThat(ghl.locations()).containsExactly("loc-1");
  }

  @Test
  void locationIdWithTheSameListedLocationIsAccepted() throws IOException {
    Path file = privateToken("    location-id: loc-1\n", "  locations: [loc-1]\n");

    assertThat(ConfigLoader.load(file, minimalEnv()).ghl().privateTokenLocation())
        .isEqualTo("loc-1");
  }

  @Test
  void severalListedLocationsAreRefused() throws IOException {
    Path file = privateToken("    location-id: loc-1\n", "  locations: [loc-1, loc-2]\n");

    assertThat(ConfigLoader.check(file, minimalEnv()))
        .containsExactly(new ConfigProblem("ghl.locations", SEVERAL));
  }

  @Test
  void severalListedLocationsWithoutLocationIdAreBothReported() throws IOException {
    Path file = privateToken("", "  locations: [loc-1, loc-2]\n");

    assertThat(ConfigLoader.check(file, minimalEnv()))
        .containsExactly(
            new ConfigProblem("ghl.locations", SEVERAL),
            new ConfigProblem("ghl.auth.location-id", REQUIRED));
  }

  @Test
  void aListedLocationOtherThanTheTokensIsRefused() throws IOException {
    Path file = privateToken("    location-id: loc-1\n", "  locations: [loc-2]\n");

    assertThat(ConfigLoader.check(file, minimalEnv()))
        .containsExactly(
            new ConfigProblem(
                "ghl.locations",
                "lists 'loc-2', not the token's location 'loc-1' (ghl.auth.location-id):"
                    + " list only the token's location, or leave locations out"));
  }

  @Test
  void aLocationIdThatIsNoIdIsRefused() throws IOException {
    Path file = privateToken("    location-id: \"loc 1/2\"\n", "");

    assertThat(ConfigLoader.check(file, minimalEnv()))
        .containsExactly(
            new ConfigProblem("ghl.auth.location-id", "must be a GHL location id, got 'loc 1/2'"));
  }

  @Test
  void anUnsetVariableIsReportedOnceNotAsMissing() throws IOException {
    Path file = privateToken("    location-id: ${GHL_LOCATION_ID}\n", "");

    assertThat(ConfigLoader.check(file, minimalEnv()))
        .containsExactly(
            new ConfigProblem(
                "ghl.auth.location-id", "environment variable GHL_LOCATION_ID is not set"));
  }

  @Test
  void theOverrideVariableSetsOrReplacesIt() throws IOException {
    Path without = privateToken("", "");
    Path written = privateToken("    location-id: loc-1\n", "");
    Map<String, String> env = with(minimalEnv(), "GCS_GHL_AUTH_LOCATION_ID", "loc-env");

    assertThat(ConfigLoader.load(without, env).ghl().privateTokenLocation()).isEqualTo("loc-env");
    assertThat(ConfigLoader.load(written, env).ghl().privateTokenLocation()).isEqualTo("loc-env");
  }

  @Test
  void oauthModeRefusesIt() throws IOException {
    assertThat(
            ConfigLoader.check(
                resource("valid.yaml"), with(validEnv(), "GCS_GHL_AUTH_LOCATION_ID", "loc-1")))
        .containsExactly(
            new ConfigProblem("ghl.auth.location-id", "is only used when mode is private-token"));
  }

  /** A private-token file with {@code auth} and {@code ghl} lines added. */
  private Path privateToken(String authLines, String ghlLines) throws IOException {
    return write(
        directory,
        """
        ghl:
          auth:
            mode: private-token
            private-token: ${GHL_TOKEN}
        %s%scredly:
          environment: sandbox
          organization-id: 00000000-0000-0000-0000-000000000001
          auth:
            token: ${CREDLY_TOKEN}
        """
            .formatted(authLines, ghlLines));
  }
}

package io.ghlcredly.ghl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GhlLocationsIT {
  private final GhlEmulator emulator = GhlEmulator.start();
  private final LocationId academy = new LocationId(emulator.locationId());
  private final LocationId campus = new LocationId(emulator.addLocation("North Campus"));

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void readsEachLocationsNameWithItsOwnToken() {
    emulator.renameLocation(academy.value(), "South Academy");

    assertThat(locations(emulator.accessToken()).findLocationName(academy))
        .hasValue("South Academy");
    assertThat(locations(emulator.privateTokenFor(campus.value())).findLocationName(campus))
        .hasValue("North Campus");
    assertThat(emulator.requests()).extracting(request -> request.path()).hasSize(2);
  }

  @Test
  void anotherLocationsTokenIsRefusedNotTakenForAMissingLocation() {
    ApiException refused =
        catchThrowableOfType(
            ApiException.class,
            () -> locations(emulator.privateTokenFor(campus.value())).findLocationName(academy));

    assertThat(refused.status()).isEqualTo(403);
  }

  @Test
  void withoutTheLocationsScopeNothingIsSent() {
    GhlClient client =
        GhlClient.create(
            GhlSettings.defaults(emulator.accessToken()).withBaseUrl(emulator.baseUrl()),
            () -> "Bearer " + emulator.accessToken().reveal(),
            GrantedScopes.of(GrantedScopes.CONTACTS_READONLY));

    assertThatThrownBy(() -> new GhlLocations(client).findLocationName(academy))
        .isInstanceOf(MissingScopeException.class);
    assertThat(emulator.requests()).isEmpty();
  }

  private GhlLocations locations(Secret token) {
    return new GhlLocations(
        GhlClient.create(GhlSettings.defaults(token).withBaseUrl(emulator.baseUrl())));
  }
}

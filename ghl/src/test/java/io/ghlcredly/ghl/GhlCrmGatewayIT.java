package io.ghlcredly.ghl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import io.ghlcredly.testkit.ghl.GhlEmulatorSettings;
import io.ghlcredly.testkit.server.EmulatorResponse;
import io.ghlcredly.testkit.server.Fault;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GhlCrmGatewayIT {
  private static final io.ghlcredly.core.model.LocationId ANY_LOCATION =
      new io.ghlcredly.core.model.LocationId("any-location");

  private static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123Z");

  private final GhlEmulator emulator =
      GhlEmulator.start(GhlEmulatorSettings.defaults().withClock(InstantSource.fixed(NOW)));
  private final GhlCrmGateway gateway =
      new GhlCrmGateway(GhlClient.create(GhlClientIT.settings(emulator)));

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void mapsContactToDomain() {
    String id = emulator.seedContact("Ada", "Lovelace", "ada@example.com", "vip", "course-done");

    Contact contact = gateway.findContact(ANY_LOCATION, new ContactId(id)).orElseThrow();

    assertThat(contact.id()).isEqualTo(new ContactId(id));
    assertThat(contact.locationId()).isEqualTo(new LocationId(emulator.locationId()));
    assertThat(contact.email()).isEqualTo("ada@example.com");
    assertThat(contact.firstName()).isEqualTo("Ada");
    assertThat(contact.lastName()).isEqualTo("Lovelace");
    assertThat(contact.tags()).containsExactlyInAnyOrder("vip", "course-done");
    assertThat(contact.dateUpdated()).isEqualTo(NOW);
  }

  @Test
  void findsNothingForUnknownContactAnswered400() {
    assertThat(gateway.findContact(ANY_LOCATION, new ContactId("unknownContact000000"))).isEmpty();
  }

  @Test
  void findsNothingForDeletedContact() {
    String id = emulator.seedContact("Ada", "Lovelace", "ada@example.com");
    emulator.deleteContact(id);

    assertThat(gateway.findContact(ANY_LOCATION, new ContactId(id))).isEmpty();
  }

  @Test
  void findsNothingWhenGhlAnswers404() {
    emulator.inject(
        Fault.status(
            "GET",
            "/contacts/",
            1,
            EmulatorResponse.json(404, "{\"statusCode\":404,\"message\":\"Not Found\"}")));

    assertThat(gateway.findContact(ANY_LOCATION, new ContactId("c1"))).isEmpty();
  }

  @Test
  void failsOnOtherBadRequests() {
    emulator.inject(
        Fault.status(
            "GET",
            "/contacts/",
            1,
            EmulatorResponse.json(400, "{\"statusCode\":400,\"message\":\"Bad Request\"}")));

    ApiException failure =
        catchThrowableOfType(
            ApiException.class, () -> gateway.findContact(ANY_LOCATION, new ContactId("c1")));

    assertThat(failure.kind()).isEqualTo(ApiException.Kind.PERMANENT);
  }

  @Test
  void propagatesTransientFailures() {
    emulator.inject(Fault.status("GET", "/contacts/", 1, EmulatorResponse.json(503, "")));

    ApiException failure =
        catchThrowableOfType(
            ApiException.class, () -> gateway.findContact(ANY_LOCATION, new ContactId("c1")));

    assertThat(failure.kind()).isEqualTo(ApiException.Kind.TRANSIENT);
  }
}

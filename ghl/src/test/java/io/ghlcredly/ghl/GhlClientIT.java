package io.ghlcredly.ghl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.ghl.api.GhlContact;
import io.ghlcredly.http.HttpTransport;
import io.ghlcredly.http.JsonCodec;
import io.ghlcredly.http.TransportSettings;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import io.ghlcredly.testkit.ghl.GhlEmulatorSettings;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import io.ghlcredly.testkit.server.Fault;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GhlClientIT {
  private final GhlEmulator emulator = GhlEmulator.start();
  private final GhlClient client = GhlClient.create(settings(emulator));

  @AfterEach
  void stop() {
    emulator.close();
  }

  static GhlSettings settings(GhlEmulator emulator) {
    return GhlSettings.defaults(emulator.accessToken()).withBaseUrl(emulator.baseUrl());
  }

  @Test
  void readsContactSendingVersionHeaderAndBearerToken() {
    String id = emulator.seedContact("Ada", "Lovelace", "ada@example.com", "vip");

    GhlContact contact = Objects.requireNonNull(client.getContact(new ContactId(id)).contact());

    assertThat(contact).isNotNull();
    assertThat(contact.id()).isEqualTo(id);
    assertThat(contact.email()).isEqualTo("ada@example.com");
    assertThat(contact.tags()).containsExactly("vip");
    assertThat(contact.locationId()).isEqualTo(emulator.locationId());
    EmulatorRequest request = emulator.requests().getFirst();
    assertThat(request.header("Version")).hasValue("2021-07-28");
    assertThat(request.header("Authorization"))
        .hasValue("Bearer " + emulator.accessToken().reveal());
    assertThat(request.path()).isEqualTo("/contacts/" + id);
  }

  @Test
  void encodesTheContactIdAsOnePathSegment() {
    ApiException failure =
        catchThrowableOfType(ApiException.class, () -> client.getContact(new ContactId("a/b c")));

    assertThat(failure.status()).isEqualTo(400);
    assertThat(emulator.requests().getFirst().path()).isEqualTo("/contacts/a%2Fb%20c");
  }

  @Test
  void reportsMissingVersionHeaderAsUnauthorizedWithGhlMessage() {
    TransportSettings noVersion =
        new TransportSettings("ghl", emulator.baseUrl(), Duration.ofSeconds(5), Map.of());
    GhlClient withoutVersion =
        new GhlClient(
            new HttpTransport(
                HttpTransport.defaultClient(Duration.ofSeconds(5)),
                noVersion,
                () -> "Bearer " + emulator.accessToken().reveal(),
                new GhlErrorMessageReader(new JsonCodec())),
            new JsonCodec());

    ApiException failure =
        catchThrowableOfType(
            ApiException.class, () -> withoutVersion.getContact(new ContactId("abc")));

    assertThat(failure.status()).isEqualTo(401);
    assertThat(failure.kind()).isEqualTo(ApiException.Kind.UNAUTHORIZED);
    assertThat(failure.providerMessage()).hasValue("version header was not found.");
  }

  @Test
  void reportsWrongTokenAsUnauthorized() {
    GhlClient wrongToken =
        GhlClient.create(
            new GhlSettings(
                emulator.baseUrl(),
                GhlSettings.DEFAULT_API_VERSION,
                io.ghlcredly.core.model.Secret.of("pit-wrong"),
                Duration.ofSeconds(5)));

    ApiException failure =
        catchThrowableOfType(ApiException.class, () -> wrongToken.getContact(new ContactId("x")));

    assertThat(failure.kind()).isEqualTo(ApiException.Kind.UNAUTHORIZED);
  }

  @Test
  void reportsRateLimitWithRetryAfterAsTransient() {
    emulator.inject(
        Fault.status(
            "GET",
            "/contacts/",
            1,
            EmulatorResponse.json(429, "{\"statusCode\":429,\"message\":\"Too many requests\"}")
                .withHeader("Retry-After", "7")
                .withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Max", "100")));

    ApiException failure =
        catchThrowableOfType(ApiException.class, () -> client.getContact(new ContactId("x")));

    assertThat(failure.kind()).isEqualTo(ApiException.Kind.TRANSIENT);
    assertThat(failure.status()).isEqualTo(429);
    assertThat(failure.retryAfter()).hasValue(Duration.ofSeconds(7));
  }

  @Test
  void waitsOneRateLimitWindowWhenGhlSendsNoRetryAfter() {
    try (GhlEmulator limited =
        GhlEmulator.start(GhlEmulatorSettings.defaults().withRateLimits(1, 200_000))) {
      GhlClient limitedClient = GhlClient.create(settings(limited));
      String id = limited.seedContact("Ada", "Lovelace", "ada@example.com");
      limitedClient.getContact(new ContactId(id));

      ApiException failure =
          catchThrowableOfType(
              ApiException.class, () -> limitedClient.getContact(new ContactId(id)));

      assertThat(failure.status()).isEqualTo(429);
      assertThat(failure.kind()).isEqualTo(ApiException.Kind.TRANSIENT);
      assertThat(failure.retryAfter()).hasValue(Duration.ofSeconds(10));
    }
  }

  @Test
  void reportsServerErrorAsTransient() {
    emulator.inject(
        Fault.status("GET", "/contacts/", 1, EmulatorResponse.json(502, "<html>bad gateway")));

    ApiException failure =
        catchThrowableOfType(ApiException.class, () -> client.getContact(new ContactId("x")));

    assertThat(failure.kind()).isEqualTo(ApiException.Kind.TRANSIENT);
    assertThat(failure.status()).isEqualTo(502);
    assertThat(failure.providerMessage()).isEmpty();
  }

  @Test
  void joinsValidationMessagesOf422() {
    emulator.inject(
        Fault.status(
            "GET",
            "/contacts/",
            1,
            EmulatorResponse.json(
                422,
                "{\"message\":[\"property foo should not exist\",\"bar must be a string\"],"
                    + "\"error\":\"Unprocessable Entity\",\"statusCode\":422}")));

    ApiException failure =
        catchThrowableOfType(ApiException.class, () -> client.getContact(new ContactId("x")));

    assertThat(failure.kind()).isEqualTo(ApiException.Kind.PERMANENT);
    assertThat(failure.providerMessage())
        .hasValue("property foo should not exist; bar must be a string");
  }

  @Test
  void treatsSuccessWithoutContactAsTransientFailure() {
    emulator.inject(Fault.status("GET", "/contacts/", 1, EmulatorResponse.json(200, "{}")));

    ApiException failure =
        catchThrowableOfType(ApiException.class, () -> client.getContact(new ContactId("x")));

    assertThat(failure.kind()).isEqualTo(ApiException.Kind.TRANSIENT);
  }

  @Test
  void ignoresUnknownFieldsAndReadsNestedShapes() {
    emulator.inject(
        Fault.status(
            "GET",
            "/contacts/",
            1,
            EmulatorResponse.json(
                200,
                """
                {"contact":{"id":"c1","locationId":"l1","brandNewField":{"x":1},
                 "additionalEmails":[{"email":"x@example.com"}],
                 "dndSettings":{"SMS":{"status":"active","message":"m","code":"c"}},
                 "customFields":[{"id":"f1","value":"XYZ"},{"id":"f2","value":["a","b"]}],
                 "attributionSource":{"url":"https://x","sessionSource":"CRM UI"},
                 "attachments":[]},
                 "traceId":"t-1"}
                """)));

    GhlContact contact = Objects.requireNonNull(client.getContact(new ContactId("c1")).contact());

    assertThat(contact).isNotNull();
    assertThat(contact.dndSettings()).containsKey("SMS");
    assertThat(contact.customFields()).hasSize(2);
    assertThat(contact.customFields().get(1).value()).isNotNull();
    assertThat(contact.attributionSource()).isNotNull();
    assertThat(contact.tags()).isEmpty();
  }
}

package io.ghlcredly.testkit.ghl;

import static io.ghlcredly.testkit.ghl.GhlApiCaller.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GhlEmulatorApiIT {
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-03-01T10:15:30.123Z"));
  private final InstantSource clock = () -> now.get();
  private final GhlEmulator emulator =
      GhlEmulator.start(GhlEmulatorSettings.defaults().withClock(clock));
  private final GhlApiCaller api = new GhlApiCaller(emulator);

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void returnsSeededContactWrappedLikeGhl() {
    String id = emulator.seedContact("Ada", "Lovelace", "ada@example.com", "vip", "course-done");

    HttpResponse<String> response = api.get("/contacts/" + id);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode contact = json(response).get("contact");
    assertThat(contact.get("id").asText()).isEqualTo(id).matches("[A-Za-z0-9]{20}");
    assertThat(contact.get("locationId").asText()).isEqualTo(emulator.locationId());
    assertThat(contact.get("email").asText()).isEqualTo("ada@example.com");
    assertThat(contact.get("name").asText()).isEqualTo("Ada Lovelace");
    assertThat(contact.get("tags"))
        .extracting(JsonNode::asText)
        .containsExactly("vip", "course-done");
    assertThat(contact.get("dateAdded").asText()).isEqualTo("2026-03-01T10:15:30.123Z");
    assertThat(contact.get("dateUpdated").asText()).isEqualTo("2026-03-01T10:15:30.123Z");
    assertThat(contact.get("customFields").isArray()).isTrue();
  }

  @Test
  void refusesCallWithoutVersionHeaderLikeGhl() {
    String id = emulator.seedContact("Ada", "Lovelace", "ada@example.com");

    HttpResponse<String> response = api.without("Version").get("/contacts/" + id);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response).get("message").asText()).isEqualTo("version header was not found.");
  }

  @Test
  void refusesUnknownVersion() {
    HttpResponse<String> response = api.with("Version", "bogus").get("/contacts/x");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).contains("Invalid API version");
  }

  @Test
  void refusesWrongOrMissingBearerToken() {
    HttpResponse<String> wrong = api.with("Authorization", "Bearer nope").get("/contacts/x");
    HttpResponse<String> missing = api.without("Authorization").get("/contacts/x");

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(json(wrong).get("error").asText()).isEqualTo("Unauthorized");
  }

  @Test
  void answersUnknownContactWith400NotFound() {
    HttpResponse<String> response = api.get("/contacts/doesNotExist00000000");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").asText())
        .isEqualTo("Contact with id doesNotExist00000000 not found");
    assertThat(json(response).get("statusCode").asInt()).isEqualTo(400);
  }

  @Test
  void rateLimitHeadersCountDownWithEachCall() {
    String id = emulator.seedContact("Ada", "Lovelace", "ada@example.com");

    HttpResponse<String> first = api.get("/contacts/" + id);
    HttpResponse<String> second = api.get("/contacts/" + id);

    assertThat(first.headers().firstValue("X-RateLimit-Remaining")).hasValue("99");
    assertThat(second.headers().firstValue("X-RateLimit-Remaining")).hasValue("98");
    assertThat(second.headers().firstValue("X-RateLimit-Max")).hasValue("100");
    assertThat(second.headers().firstValue("X-RateLimit-Interval-Milliseconds")).hasValue("10000");
    assertThat(second.headers().firstValue("X-RateLimit-Limit-Daily")).hasValue("200000");
    assertThat(second.headers().firstValue("X-RateLimit-Daily-Remaining")).hasValue("199998");
  }

  @Test
  void answers429AfterHundredCallsInTenSecondsAndRecoversWhenWindowRolls() {
    String id = emulator.seedContact("Ada", "Lovelace", "ada@example.com");
    for (int i = 0; i < 100; i++) {
      assertThat(api.get("/contacts/" + id).statusCode()).isEqualTo(200);
    }

    HttpResponse<String> limited = api.get("/contacts/" + id);
    now.set(now.get().plusSeconds(10));
    HttpResponse<String> afterWindow = api.get("/contacts/" + id);

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
    assertThat(afterWindow.statusCode()).isEqualTo(200);
    assertThat(afterWindow.headers().firstValue("X-RateLimit-Remaining")).hasValue("99");
    assertThat(emulator.rateLimitRefusals(emulator.locationId())).isEqualTo(1);
    assertThat(emulator.rateLimitRefusals("another-location")).isZero();
  }

  @Test
  void createsContactWith201AndRequiresLocationId() {
    HttpResponse<String> missing =
        api.call("POST", "/contacts/", "{\"firstName\":\"Ada\",\"email\":\"ada@example.com\"}");
    HttpResponse<String> created =
        api.call(
            "POST",
            "/contacts/",
            "{\"firstName\":\"Ada\",\"email\":\"ada@example.com\",\"locationId\":\""
                + emulator.locationId()
                + "\",\"tags\":[\"a\"]}");

    assertThat(missing.statusCode()).isEqualTo(422);
    assertThat(json(missing).get("message").isArray()).isTrue();
    assertThat(created.statusCode()).isEqualTo(201);
    String id = json(created).get("contact").get("id").asText();
    assertThat(emulator.contact(id)).isPresent();
    assertThat(emulator.tags(id)).containsExactly("a");
  }

  @Test
  void refusesDuplicateEmailOnCreate() {
    String existing = emulator.seedContact("Ada", "Lovelace", "ada@example.com");

    HttpResponse<String> duplicate =
        api.call(
            "POST",
            "/contacts/",
            "{\"email\":\"ADA@example.com\",\"locationId\":\"" + emulator.locationId() + "\"}");

    assertThat(duplicate.statusCode()).isEqualTo(400);
    assertThat(json(duplicate).get("meta").get("contactId").asText()).isEqualTo(existing);
  }

  @Test
  void updatesContactAndRejectsPropertiesGhlDoesNotAllow() {
    String id = emulator.seedContact("Ada", "Lovelace", "ada@example.com");
    now.set(now.get().plusSeconds(60));

    HttpResponse<String> updated =
        api.call("PUT", "/contacts/" + id, "{\"firstName\":\"Augusta\"}");
    HttpResponse<String> rejected =
        api.call("PUT", "/contacts/" + id, "{\"locationId\":\"" + emulator.locationId() + "\"}");

    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(json(updated).get("succeded").asBoolean()).isTrue();
    assertThat(json(updated).get("contact").get("firstName").asText()).isEqualTo("Augusta");
    assertThat(json(updated).get("contact").get("dateUpdated").asText())
        .isEqualTo("2026-03-01T10:16:30.123Z");
    assertThat(rejected.statusCode()).isEqualTo(422);
    assertThat(json(rejected).get("message").get(0).asText())
        .isEqualTo("property locationId should not exist");
  }

  @Test
  void deletesContactSoLaterReadsAnswerNotFound() {
    String id = emulator.seedContact("Ada", "Lovelace", "ada@example.com");

    HttpResponse<String> deleted = api.call("DELETE", "/contacts/" + id, null);

    assertThat(deleted.statusCode()).isEqualTo(200);
    assertThat(json(deleted).get("succeded").asBoolean()).isTrue();
    assertThat(api.get("/contacts/" + id).statusCode()).isEqualTo(400);
  }

  @Test
  void addsTagsWith201AndRemovesThemWithJsonBodyOnDelete() {
    String id = emulator.seedContact("Ada", "Lovelace", "ada@example.com", "old");

    HttpResponse<String> added =
        api.call("POST", "/contacts/" + id + "/tags", "{\"tags\":[\"new\",\"old\"]}");
    HttpResponse<String> removed =
        api.call("DELETE", "/contacts/" + id + "/tags", "{\"tags\":[\"old\"]}");
    HttpResponse<String> invalid = api.call("POST", "/contacts/" + id + "/tags", "{}");

    assertThat(added.statusCode()).isEqualTo(201);
    assertThat(json(added).get("tags")).extracting(JsonNode::asText).containsExactly("old", "new");
    assertThat(removed.statusCode()).isEqualTo(200);
    assertThat(json(removed).get("tags")).extracting(JsonNode::asText).containsExactly("new");
    assertThat(invalid.statusCode()).isEqualTo(422);
  }

  @Test
  void logsEveryRequestIncludingRejectedOnes() {
    api.without("Version").get("/contacts/abc");

    assertThat(emulator.requests())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.method()).isEqualTo("GET");
              assertThat(r.path()).isEqualTo("/contacts/abc");
            });
  }
}

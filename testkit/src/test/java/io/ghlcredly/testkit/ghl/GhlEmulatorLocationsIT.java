package io.ghlcredly.testkit.ghl;

import static io.ghlcredly.testkit.ghl.GhlApiCaller.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two locations of one company in one emulator: contacts, tokens, webhooks and rate limits. */
class GhlEmulatorLocationsIT {
  private static final String TASK =
      "{\"title\":\"Call\",\"dueDate\":\"2026-03-01T10:00:00.000Z\",\"completed\":false}";
  private static final String NO_ACCESS = "The token does not have access to this location.";

  private final GhlEmulator emulator = GhlEmulator.start(GhlEmulatorSettings.defaults());
  private final WebhookReceiver receiver = new WebhookReceiver();
  private final String academy = emulator.locationId();
  private final String campus = emulator.addLocation("North Campus");
  private final GhlApiCaller academyApi = new GhlApiCaller(emulator);
  private final GhlApiCaller campusApi =
      new GhlApiCaller(emulator)
          .with("Authorization", "Bearer " + emulator.privateTokenFor(campus).reveal());

  @AfterEach
  void stop() {
    emulator.close();
    receiver.close();
  }

  @Test
  void namesEachLocationAndGivesEachItsOwnToken() {
    emulator.renameLocation(academy, "South Academy");

    assertThat(emulator.locationIds()).containsExactly(academy, campus);
    assertThat(emulator.locationName(academy)).isEqualTo("South Academy");
    assertThat(emulator.locationName(campus)).isEqualTo("North Campus");
    assertThat(emulator.accessToken()).isSameAs(emulator.privateTokenFor(academy));
    assertThat(emulator.privateTokenFor(campus).reveal())
        .isNotEqualTo(emulator.accessToken().reveal());
    assertThatThrownBy(() -> emulator.privateTokenFor("nowhere"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eachLocationsTokenReadsItsOwnContactsAndIsRefusedTheOthers() {
    String ada = emulator.seedContact("Ada", "Lovelace", "ada@example.com");
    String bob = emulator.seedContactIn(campus, "Bob", "Babbage", "bob@example.com");

    HttpResponse<String> own = campusApi.get("/contacts/" + bob);
    HttpResponse<String> other = campusApi.get("/contacts/" + ada);
    HttpResponse<String> otherWay = academyApi.get("/contacts/" + bob);

    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(json(own).path("contact").path("locationId").asText()).isEqualTo(campus);
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(json(other).path("statusCode").asInt()).isEqualTo(403);
    assertThat(json(other).path("message").asText()).isEqualTo(NO_ACCESS);
    assertThat(otherWay.statusCode()).isEqualTo(403);
    assertThat(emulator.locationOf(bob)).hasValue(campus);
  }

  @Test
  void aTokenCannotChangeAnotherLocationsContact() {
    String ada = emulator.seedContact("Ada", "Lovelace", "ada@example.com", "vip");

    HttpResponse<String> update =
        campusApi.call("PUT", "/contacts/" + ada, "{\"firstName\":\"Eve\"}");
    HttpResponse<String> tags =
        campusApi.call("DELETE", "/contacts/" + ada + "/tags", "{\"tags\":[\"vip\"]}");
    HttpResponse<String> delete = campusApi.call("DELETE", "/contacts/" + ada, null);

    assertThat(List.of(update.statusCode(), tags.statusCode(), delete.statusCode()))
        .containsOnly(403);
    JsonNode stored = emulator.contact(ada).orElseThrow();
    assertThat(stored.path("firstName").asText()).isEqualTo("Ada");
    assertThat(emulator.tags(ada)).containsExactly("vip");
  }

  @Test
  void listsAndSearchesServeOnlyTheTokensLocation() {
    emulator.seedContacts(3, (contact, index) -> {});
    emulator.seedContacts(campus, 2, (contact, index) -> contact.tags("north"));

    JsonNode campusList = json(campusApi.get("/contacts/?locationId=" + campus));
    JsonNode campusSearch =
        json(
            campusApi.call(
                "POST",
                "/contacts/search",
                "{\"locationId\":\"" + campus + "\",\"pageLimit\":10}"));
    HttpResponse<String> foreignList = campusApi.get("/contacts/?locationId=" + academy);
    HttpResponse<String> foreignSearch =
        campusApi.call(
            "POST", "/contacts/search", "{\"locationId\":\"" + academy + "\",\"pageLimit\":10}");

    assertThat(campusList.path("count").asInt()).isEqualTo(2);
    assertThat(campusList.path("contacts"))
        .allSatisfy(contact -> assertThat(contact.path("locationId").asText()).isEqualTo(campus));
    assertThat(campusSearch.path("total").asInt()).isEqualTo(2);
    assertThat(json(academyApi.get("/contacts/?locationId=" + academy)).path("count").asInt())
        .isEqualTo(3);
    assertThat(foreignList.statusCode()).isEqualTo(403);
    assertThat(foreignSearch.statusCode()).isEqualTo(403);
    assertThat(emulator.contactIds(campus)).hasSize(2);
  }

  @Test
  void duplicatesAreCheckedWithinALocation() {
    emulator.seedContact("Ada", "Lovelace", "ada@example.com");

    HttpResponse<String> inCampus =
        campusApi.call(
            "POST",
            "/contacts/",
            "{\"locationId\":\"" + campus + "\",\"email\":\"ada@example.com\"}");
    HttpResponse<String> inAcademy =
        academyApi.call(
            "POST",
            "/contacts/",
            "{\"locationId\":\"" + academy + "\",\"email\":\"ada@example.com\"}");
    HttpResponse<String> wrongLocation =
        academyApi.call(
            "POST",
            "/contacts/",
            "{\"locationId\":\"" + campus + "\",\"email\":\"eve@example.com\"}");

    assertThat(inCampus.statusCode()).isEqualTo(201);
    assertThat(json(inCampus).path("contact").path("locationId").asText()).isEqualTo(campus);
    assertThat(inAcademy.statusCode()).isEqualTo(400);
    assertThat(wrongLocation.statusCode()).isEqualTo(403);
  }

  @Test
  void webhooksCarryTheContactsOwnLocation() {
    emulator.sendWebhooksTo(receiver.url());
    String bob = emulator.createContactIn(campus, "Bob", "Babbage", "bob@example.com");
    String ada = emulator.createContact("Ada", "Lovelace", "ada@example.com");
    emulator.addTags(bob, "course-done");
    campusApi.call("POST", "/contacts/" + bob + "/notes", "{\"body\":\"met at the fair\"}");
    campusApi.call("POST", "/contacts/" + bob + "/tasks", TASK);
    emulator.deleteContact(bob);

    assertThat(emulator.deliveries())
        .extracting(WebhookDelivery::type)
        .containsExactly(
            "ContactCreate",
            "ContactCreate",
            "ContactTagUpdate",
            "NoteCreate",
            "TaskCreate",
            "ContactDelete");
    assertThat(emulator.deliveries())
        .filteredOn(delivery -> delivery.contactId().equals(bob))
        .hasSize(5)
        .allSatisfy(delivery -> assertThat(locationOf(delivery)).isEqualTo(campus));
    assertThat(emulator.deliveries())
        .filteredOn(delivery -> delivery.contactId().equals(ada))
        .singleElement()
        .satisfies(delivery -> assertThat(locationOf(delivery)).isEqualTo(academy));
  }

  @Test
  void locationLessMethodsChangeTheContactInWhicheverLocationHoldsIt() {
    String bob = emulator.seedContactIn(campus, "Bob", "Babbage", "bob@example.com", "a");

    emulator.addTags(bob, "b");
    emulator.removeTags(bob, "a");
    String task = emulator.seedTask(bob, "Call Bob");

    assertThat(emulator.tags(bob)).containsExactly("b");
    assertThat(emulator.taskTitles(bob)).containsExactly("Call Bob");
    assertThat(json(campusApi.get("/contacts/" + bob + "/tasks/" + task)).path("task").isObject())
        .isTrue();
    emulator.deleteContact(bob);
    assertThat(emulator.contactIds(campus)).isEmpty();
    assertThat(emulator.locationOf(bob)).isEmpty();
  }

  @Test
  void eachLocationHasItsOwnRateBudget() {
    try (GhlEmulator limited =
        GhlEmulator.start(GhlEmulatorSettings.defaults().withRateLimits(3, 1_000))) {
      String north = limited.addLocation("North Campus");
      GhlApiCaller first = new GhlApiCaller(limited);
      GhlApiCaller second =
          new GhlApiCaller(limited)
              .with("Authorization", "Bearer " + limited.privateTokenFor(north).reveal());
      for (int call = 0; call < 4; call++) {
        first.get("/contacts/?locationId=" + limited.locationId());
      }

      HttpResponse<String> secondCall = second.get("/contacts/?locationId=" + north);

      assertThat(secondCall.statusCode()).isEqualTo(200);
      assertThat(secondCall.headers().firstValue("X-RateLimit-Remaining")).hasValue("2");
      assertThat(first.get("/contacts/?locationId=" + limited.locationId()).statusCode())
          .isEqualTo(429);
      assertThat(limited.rateLimitRefusals(limited.locationId())).isEqualTo(2);
      assertThat(limited.rateLimitRefusals(north)).isZero();
    }
  }

  private static String locationOf(WebhookDelivery delivery) {
    try {
      return GhlResponses.MAPPER.readTree(delivery.body()).path("locationId").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.ghlcredly.ghl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.ghl.api.GhlContact;
import io.ghlcredly.ghl.api.GhlContactSummary;
import io.ghlcredly.http.JsonCodec;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GhlContactMapperTest {
  private static final JsonCodec JSON = new JsonCodec();
  private static final LocationId LOCATION = new LocationId("loc-1");

  @Test
  void turnsEveryShapeOfCustomFieldValueIntoText() {
    GhlContactSummary summary =
        summary(
            """
            {"id":"c1","customFields":[
              {"id":"text","value":"Gold"},
              {"id":"integer","value":42},
              {"id":"decimal","value":12.50},
              {"id":"exponent","value":1e3},
              {"id":"multi","value":["Java","Go",3]},
              {"id":"file","value":{"url":"https://x/y.pdf","meta":{"size":10}}},
              {"id":"flag","value":true},
              {"id":"nothing","value":null},
              {"id":"blank","value":""},
              {"id":"emptyList","value":[]},
              {"value":"no id"}]}
            """);

    Contact contact = GhlContactMapper.toDomain(LOCATION, summary).orElseThrow();

    assertThat(contact.customFields())
        .containsOnly(
            entry("text", "Gold"),
            entry("integer", "42"),
            entry("decimal", "12.5"),
            entry("exponent", "1000"),
            entry("multi", "Java, Go, 3"),
            entry("file", "{\"url\":\"https://x/y.pdf\",\"meta\":{\"size\":10}}"),
            entry("flag", "true"));
  }

  @Test
  void keepsLargeIntegersExactly() {
    GhlContactSummary summary =
        summary(
            "{\"id\":\"c1\",\"customFields\":[{\"id\":\"big\",\"value\":12345678901234567890}]}");

    assertThat(GhlContactMapper.toDomain(LOCATION, summary).orElseThrow().customFields())
        .containsExactly(entry("big", "12345678901234567890"));
  }

  @Test
  void mapsTheStandardFieldsOfTheFullContactAsAttributes() {
    GhlContact contact =
        JSON.read(
            """
            {"id":"c1","locationId":"loc-1","firstName":"Ada","lastName":"Lovelace",
             "email":"ada@example.com","phone":"+441234567","companyName":"Analytical Engines",
             "source":"web","type":"lead","country":"GB","city":"London","state":"LDN",
             "postalCode":"N1","address1":"1 Engine Rd","timezone":"Europe/London",
             "website":"https://ada.example","dateAdded":"2026-01-01T00:00:00.000Z",
             "dateOfBirth":"1815-12-10","assignedTo":"user-7","dnd":false,
             "dateUpdated":"2026-02-01T10:00:00.000Z","tags":["vip"],
             "customFields":[{"id":"cf1","value":"x"}]}
            """,
            GhlContact.class);

    Contact mapped = GhlContactMapper.toDomain(new ContactId("c1"), contact);

    assertThat(mapped.attributes())
        .containsOnly(
            entry("phone", "+441234567"),
            entry("companyName", "Analytical Engines"),
            entry("source", "web"),
            entry("type", "lead"),
            entry("country", "GB"),
            entry("city", "London"),
            entry("state", "LDN"),
            entry("postalCode", "N1"),
            entry("address1", "1 Engine Rd"),
            entry("timezone", "Europe/London"),
            entry("website", "https://ada.example"),
            entry("dateAdded", "2026-01-01T00:00:00.000Z"),
            entry("dateOfBirth", "1815-12-10"),
            entry("assignedTo", "user-7"));
    assertThat(mapped.customFields()).containsExactly(entry("cf1", "x"));
    assertThat(mapped.tags()).containsExactly("vip");
    assertThat(mapped.dateUpdated()).isEqualTo(Instant.parse("2026-02-01T10:00:00Z"));
  }

  @Test
  void leavesOutAttributesTheAnswerDoesNotCarry() {
    GhlContact contact =
        JSON.read(
            "{\"id\":\"c1\",\"locationId\":\"loc-1\",\"phone\":\"\",\"city\":\"Paris\"}",
            GhlContact.class);

    assertThat(GhlContactMapper.toDomain(new ContactId("c1"), contact).attributes())
        .containsExactly(entry("city", "Paris"));
  }

  @Test
  void mapsAListItemWithTagsAndTheLocationAskedForWhenItHasNone() {
    GhlContactSummary summary =
        summary(
            """
            {"id":"c9","email":"g@example.com","firstName":"Grace","phone":"+1555",
             "dateAdded":"2026-01-01T00:00:00.000Z","dateUpdated":"2026-01-02T00:00:00.000Z",
             "tags":["a","b"],"searchAfter":[1,"c9"]}
            """);

    Contact contact = GhlContactMapper.toDomain(LOCATION, summary).orElseThrow();

    assertThat(contact.id()).isEqualTo(new ContactId("c9"));
    assertThat(contact.locationId()).isEqualTo(LOCATION);
    assertThat(contact.tags()).containsExactlyInAnyOrder("a", "b");
    assertThat(contact.attributes())
        .containsOnly(entry("phone", "+1555"), entry("dateAdded", "2026-01-01T00:00:00.000Z"));
    assertThat(contact.dateUpdated()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
  }

  @Test
  void skipsAListItemWithoutId() {
    assertThat(GhlContactMapper.toDomain(LOCATION, summary("{\"email\":\"x@example.com\"}")))
        .isEmpty();
  }

  private static GhlContactSummary summary(String json) {
    return JSON.read(json, GhlContactSummary.class);
  }
}

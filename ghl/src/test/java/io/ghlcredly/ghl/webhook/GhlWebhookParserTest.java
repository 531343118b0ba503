package io.ghlcredly.ghl.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ghlcredly.core.model.AccountEvent;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.SyncEvent;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every event type, from the sample payloads of docs/webhook-events (copied to
 * src/test/resources/webhooks), plus the {@code timestamp} and {@code webhookId} every delivery
 * carries.
 */
class GhlWebhookParserTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final EventId WEBHOOK_ID = new EventId("5e0e0b4e-1111-4a8e-9f43-3f7a1b2c3d4e");
  private static final Instant SENT = Instant.parse("2026-03-01T10:00:00Z");
  private static final LocationId SAMPLE_LOCATION = new LocationId("ve9EPM428h8vShlRW1KT");

  private final GhlWebhookParser parser = new GhlWebhookParser();

  @ParameterizedTest
  @CsvSource({
    "ContactCreate, contact.created",
    "ContactUpdate, contact.updated",
    "ContactTagUpdate, contact.tags-updated",
    "ContactDelete, contact.deleted",
    "ContactDndUpdate, contact.dnd-updated"
  })
  void mapsEachContactEventType(String ghlType, String syncType) throws Exception {
    SyncEvent event = contactEvent(sample(ghlType));

    assertThat(event.type()).isEqualTo(syncType);
    assertThat(event.eventId()).isEqualTo(WEBHOOK_ID);
    assertThat(event.contactId()).isEqualTo(new ContactId("nmFmQEsNgz6AVpgLVUJ0"));
    assertThat(((SyncEvent.ContactEvent) event).locationId()).isEqualTo(SAMPLE_LOCATION);
    assertThat(event.occurredAt()).isEqualTo(SENT);
  }

  @Test
  void mapsNoteCreateToTheNoteAndItsContact() throws Exception {
    SyncEvent event = contactEvent(sample("NoteCreate"));

    assertThat(event)
        .isEqualTo(
            new SyncEvent.NoteCreated(
                WEBHOOK_ID,
                new ContactId("CWBf1PR9LvvBkcYqiXlc"),
                SAMPLE_LOCATION,
                SENT,
                "otg8dTQqGLh3Q6iQI55w"));
  }

  @Test
  void mapsNoteUpdate() throws Exception {
    assertThat(contactEvent(sample("NoteUpdate")))
        .isEqualTo(
            new SyncEvent.NoteUpdated(
                WEBHOOK_ID,
                new ContactId("CWBf1PR9LvvBkcYqiXlc"),
                SAMPLE_LOCATION,
                SENT,
                "otg8dTQqGLh3Q6iQI55w"));
  }

  @Test
  void mapsNoteDelete() throws Exception {
    assertThat(contactEvent(sample("NoteDelete")))
        .isEqualTo(
            new SyncEvent.NoteDeleted(
                WEBHOOK_ID,
                new ContactId("CWBf1PR9LvvBkcYqiXlc"),
                SAMPLE_LOCATION,
                SENT,
                "otg8dTQqGLh3Q6iQI55w"));
  }

  @Test
  void mapsTaskCreateWithItsTitle() throws Exception {
    assertThat(contactEvent(sample("TaskCreate")))
        .isEqualTo(
            new SyncEvent.TaskCreated(
                WEBHOOK_ID,
                new ContactId("CWBf1PR9LvvBkcYqiXlc"),
                SAMPLE_LOCATION,
                SENT,
                "UlRWGLSXh0ji5qbiGu4i",
                "Loram ipsum"));
  }

  @Test
  void mapsTaskCompleteWithItsTitle() throws Exception {
    assertThat(contactEvent(sample("TaskComplete")))
        .isEqualTo(
            new SyncEvent.TaskCompleted(
                WEBHOOK_ID,
                new ContactId("WFwVrSSjZ2CNHbZThQX2"),
                SAMPLE_LOCATION,
                SENT,
                "5HrB1IbmnKMBXloldFuP",
                "test"));
  }

  @Test
  void mapsTaskDelete() throws Exception {
    assertThat(contactEvent(sample("TaskDelete")))
        .isEqualTo(
            new SyncEvent.TaskDeleted(
                WEBHOOK_ID,
                new ContactId("CWBf1PR9LvvBkcYqiXlc"),
                SAMPLE_LOCATION,
                SENT,
                "UlRWGLSXh0ji5qbiGu4i",
                "Loram ipsum"));
  }

  @ParameterizedTest
  @CsvSource({"AppInstall-location-whitelabel", "AppInstall-location"})
  void mapsALocationLevelInstall(String sample) throws Exception {
    assertThat(accountEvent(sample(sample)))
        .isEqualTo(
            new AccountEvent.AppInstalled(
                WEBHOOK_ID, new LocationId("otg8dTQqGLh3Q6iQI55w"), "otg8dTQqGLh3Q6iQI55w", SENT));
  }

  @Test
  void mapsAnAgencyLevelInstallWithoutLocation() throws Exception {
    assertThat(accountEvent(sample("AppInstall-agency")))
        .isEqualTo(new AccountEvent.AppInstalled(WEBHOOK_ID, null, "otg8dTQqGLh3Q6iQI55w", SENT));
  }

  @Test
  void mapsALocationLevelUninstallWithoutCompany() throws Exception {
    assertThat(accountEvent(sample("AppUninstall-location")))
        .isEqualTo(
            new AccountEvent.AppUninstalled(
                WEBHOOK_ID, new LocationId("otg8dTQqGLh3Q6iQI55w"), null, SENT));
  }

  @Test
  void mapsAnAgencyLevelUninstall() throws Exception {
    assertThat(accountEvent(sample("AppUninstall-agency")))
        .isEqualTo(new AccountEvent.AppUninstalled(WEBHOOK_ID, null, "otg8dTQqGLh3Q6iQI55w", SENT));
  }

  @Test
  void acceptsATaskEventWithoutTheDocumentedTitleBodyAndDates() throws Exception {
    ObjectNode payload = sample("TaskComplete");
    payload.remove(List.of("title", "body", "assignedTo", "dateAdded", "dueDate"));

    SyncEvent.TaskCompleted event = (SyncEvent.TaskCompleted) contactEvent(payload);

    assertThat(event.title()).isNull();
    assertThat(event.taskId()).isEqualTo("5HrB1IbmnKMBXloldFuP");
  }

  @Test
  void acceptsANoteEventWithoutBodyOrDate() throws Exception {
    ObjectNode payload = sample("NoteDelete");
    payload.remove(List.of("body", "dateAdded"));

    assertThat(contactEvent(payload)).isInstanceOf(SyncEvent.NoteDeleted.class);
  }

  @Test
  void acceptsAContactEventWithOnlyItsIdsAndTimestamp() throws Exception {
    ObjectNode payload = sample("ContactDndUpdate");
    payload.retain("type", "id", "locationId", "timestamp", "webhookId");

    assertThat(contactEvent(payload)).isInstanceOf(SyncEvent.ContactDndUpdated.class);
  }

  @Test
  void acceptsAnInstallWithoutUserPlanOrTrial() throws Exception {
    ObjectNode payload = sample("AppInstall-location");
    payload.retain("type", "locationId", "timestamp", "webhookId");

    assertThat(accountEvent(payload))
        .isEqualTo(
            new AccountEvent.AppInstalled(
                WEBHOOK_ID, new LocationId("otg8dTQqGLh3Q6iQI55w"), null, SENT));
  }

  @Test
  void refusesAnUninstallWithNeitherLocationNorCompany() throws Exception {
    ObjectNode payload = sample("AppUninstall-location");
    payload.remove("locationId");

    assertThatThrownBy(() -> parser.parse(payload, WEBHOOK_ID))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesANoteEventWithoutItsContact() throws Exception {
    ObjectNode payload = sample("NoteCreate");
    payload.remove("contactId");

    assertThatThrownBy(() -> parser.parse(payload, WEBHOOK_ID))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("contactId");
  }

  @Test
  void refusesATaskEventWithoutItsLocation() throws Exception {
    ObjectNode payload = sample("TaskCreate");
    payload.remove("locationId");

    assertThatThrownBy(() -> parser.parse(payload, WEBHOOK_ID))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("locationId");
  }

  @Test
  void usesDateAddedWhenTimestampIsAbsent() throws Exception {
    ObjectNode payload = sample("ContactCreate");
    payload.remove("timestamp");

    assertThat(contactEvent(payload).occurredAt())
        .isEqualTo(Instant.parse("2021-11-26T12:41:02.193Z"));
  }

  @Test
  void ignoresOtherEventTypes() throws Exception {
    JsonNode opportunity =
        MAPPER.readTree(
            """
            {"type":"OpportunityCreate","locationId":"loc","id":"o1",
             "timestamp":"2026-03-01T10:00:00Z"}
            """);
    JsonNode untyped = MAPPER.readTree("{\"locationId\":\"loc\"}");

    assertThat(parser.parse(opportunity, WEBHOOK_ID))
        .isEqualTo(new ParsedWebhook.Ignored("OpportunityCreate"));
    assertThat(parser.parse(untyped, WEBHOOK_ID)).isEqualTo(new ParsedWebhook.Ignored(""));
  }

  @Test
  void readsFieldsNestedUnderDataAsInTheIntegrationGuideSample() throws Exception {
    JsonNode payload =
        MAPPER.readTree(
            """
            {"type":"ContactTagUpdate","timestamp":"2026-03-01T10:00:00Z","webhookId":"w1",
             "data":{"locationId":"loc","id":"c1"}}
            """);

    SyncEvent event = contactEvent(payload);

    assertThat(event).isInstanceOf(SyncEvent.ContactTagsUpdated.class);
    assertThat(event.contactId()).isEqualTo(new ContactId("c1"));
  }

  @Test
  void refusesContactEventWithoutContactId() throws Exception {
    ObjectNode payload = sample("ContactUpdate");
    payload.remove("id");

    assertThatThrownBy(() -> parser.parse(payload, WEBHOOK_ID))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id");
  }

  private SyncEvent contactEvent(JsonNode payload) {
    ParsedWebhook parsed = parser.parse(payload, WEBHOOK_ID);
    assertThat(parsed).isInstanceOf(ParsedWebhook.ContactWebhook.class);
    return ((ParsedWebhook.ContactWebhook) parsed).event();
  }

  private AccountEvent accountEvent(JsonNode payload) {
    ParsedWebhook parsed = parser.parse(payload, WEBHOOK_ID);
    assertThat(parsed).isInstanceOf(ParsedWebhook.AccountWebhook.class);
    return ((ParsedWebhook.AccountWebhook) parsed).event();
  }

  /** The documented sample as a delivery: with {@code timestamp} and {@code webhookId} added. */
  private static ObjectNode sample(String name) throws IOException {
    try (InputStream in =
        Objects.requireNonNull(
            GhlWebhookParserTest.class.getResourceAsStream("/webhooks/" + name + ".json"), name)) {
      ObjectNode payload = (ObjectNode) MAPPER.readTree(in);
      payload.put("timestamp", SENT.toString());
      payload.put("webhookId", WEBHOOK_ID.value());
      return payload;
    }
  }
}

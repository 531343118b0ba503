package io.ghlcredly.ghl.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.SyncEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GhlWebhookParserTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final EventId WEBHOOK_ID = new EventId("5e0e0b4e-1111-4a8e-9f43-3f7a1b2c3d4e");

  private final GhlWebhookParser parser = new GhlWebhookParser();

  @ParameterizedTest
  @CsvSource({
    "ContactCreate, contact.created",
    "ContactUpdate, contact.updated",
    "ContactTagUpdate, contact.tags-updated",
    "ContactDelete, contact.deleted"
  })
  void mapsEachContactEventType(String ghlType, String syncType) throws Exception {
    JsonNode payload =
        MAPPER.readTree(
            """
            {"type":"%s","locationId":"ve9EPM428h8vShlRW1KT","id":"nmFmQEsNgz6AVpgLVUJ0",
             "dateAdded":"2021-11-26T12:41:02.193Z","tags":["a"],
             "timestamp":"2026-03-01T10:00:00.000Z","webhookId":"%s"}
            """
                .formatted(ghlType, WEBHOOK_ID));

    SyncEvent event = parser.parse(payload, WEBHOOK_ID).orElseThrow();

    assertThat(event.type()).isEqualTo(syncType);
    assertThat(event.eventId()).isEqualTo(WEBHOOK_ID);
    assertThat(event.contactId()).isEqualTo(new ContactId("nmFmQEsNgz6AVpgLVUJ0"));
    assertThat(((SyncEvent.ContactEvent) event).locationId())
        .isEqualTo(new LocationId("ve9EPM428h8vShlRW1KT"));
    assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
  }

  @Test
  void usesDateAddedWhenTimestampIsAbsent() throws Exception {
    JsonNode payload =
        MAPPER.readTree(
            """
            {"type":"ContactCreate","locationId":"loc","id":"c1",
             "dateAdded":"2021-11-26T12:41:02.193Z"}
            """);

    assertThat(parser.parse(payload, WEBHOOK_ID).orElseThrow().occurredAt())
        .isEqualTo(Instant.parse("2021-11-26T12:41:02.193Z"));
  }

  @Test
  void ignoresOtherEventTypes() throws Exception {
    JsonNode note =
        MAPPER.readTree(
            """
            {"type":"NoteCreate","locationId":"loc","id":"n1","contactId":"c1",
             "timestamp":"2026-03-01T10:00:00Z"}
            """);
    JsonNode untyped = MAPPER.readTree("{\"locationId\":\"loc\"}");

    assertThat(parser.parse(note, WEBHOOK_ID)).isEmpty();
    assertThat(parser.parse(untyped, WEBHOOK_ID)).isEmpty();
  }

  @Test
  void readsFieldsNestedUnderDataAsInTheIntegrationGuideSample() throws Exception {
    JsonNode payload =
        MAPPER.readTree(
            """
            {"type":"ContactTagUpdate","timestamp":"2026-03-01T10:00:00Z","webhookId":"w1",
             "data":{"locationId":"loc","id":"c1"}}
            """);

    SyncEvent event = parser.parse(payload, WEBHOOK_ID).orElseThrow();

    assertThat(event).isInstanceOf(SyncEvent.ContactTagsUpdated.class);
    assertThat(event.contactId()).isEqualTo(new ContactId("c1"));
  }

  @Test
  void refusesContactEventWithoutContactId() throws Exception {
    JsonNode payload =
        MAPPER.readTree(
            "{\"type\":\"ContactUpdate\",\"locationId\":\"loc\",\"timestamp\":\"2026-03-01T10:00:00Z\"}");

    assertThatThrownBy(() -> parser.parse(payload, WEBHOOK_ID))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id");
  }
}

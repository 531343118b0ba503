package io.ghlcredly.ghl.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.SyncEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns a verified HighLevel webhook payload into a {@link SyncEvent}. Contact events ({@code
 * ContactCreate}, {@code ContactUpdate}, {@code ContactTagUpdate}, {@code ContactDelete}) map to
 * the matching event; every other type is ignored (empty). Marketplace payloads are flat; the
 * Webhook Integration Guide's test sample nests the fields under {@code data}, so fields missing at
 * the top level are also looked up there. Thread-safe and stateless.
 */
public final class GhlWebhookParser {

  /**
   * Maps one payload.
   *
   * @return the event, or empty when the type is not one the sync handles
   * @throws IllegalArgumentException when a contact event lacks {@code id}, {@code locationId} or a
   *     readable {@code timestamp}/{@code dateAdded} (answer 400: HighLevel will not retry it)
   */
  public Optional<SyncEvent> parse(JsonNode payload, EventId webhookId) {
    String type = field(payload, "type");
    if (type == null) {
      return Optional.empty();
    }
    return switch (type) {
      case "ContactCreate" ->
          Optional.of(
              new SyncEvent.ContactCreated(
                  webhookId, contactId(payload), locationId(payload), occurredAt(payload)));
      case "ContactUpdate" ->
          Optional.of(
              new SyncEvent.ContactUpdated(
                  webhookId, contactId(payload), locationId(payload), occurredAt(payload)));
      case "ContactTagUpdate" ->
          Optional.of(
              new SyncEvent.ContactTagsUpdated(
                  webhookId, contactId(payload), locationId(payload), occurredAt(payload)));
      case "ContactDelete" ->
          Optional.of(
              new SyncEvent.ContactDeleted(
                  webhookId, contactId(payload), locationId(payload), occurredAt(payload)));
      default -> Optional.empty();
    };
  }

  private static ContactId contactId(JsonNode payload) {
    return new ContactId(required(payload, "id"));
  }

  private static LocationId locationId(JsonNode payload) {
    return new LocationId(required(payload, "locationId"));
  }

  /**
   * Delivery {@code timestamp} first (always present on signed deliveries), else {@code dateAdded}.
   */
  private static Instant occurredAt(JsonNode payload) {
    for (String name : new String[] {"timestamp", "dateAdded"}) {
      String text = field(payload, name);
      if (text != null) {
        try {
          return Instant.parse(text);
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("unreadable " + name + " in webhook payload", e);
        }
      }
    }
    throw new IllegalArgumentException("webhook payload has neither timestamp nor dateAdded");
  }

  private static String required(JsonNode payload, String name) {
    String value = field(payload, name);
    if (value == null) {
      throw new IllegalArgumentException("webhook payload has no " + name);
    }
    return value;
  }

  private static @Nullable String field(JsonNode payload, String name) {
    String top = text(payload.get(name));
    if (top != null) {
      return top;
    }
    JsonNode data = payload.get("data");
    return data != null && data.isObject() ? text(data.get(name)) : null;
  }

  private static @Nullable String text(@Nullable JsonNode node) {
    if (node == null || !node.isValueNode() || node.isNull()) {
      return null;
    }
    String value = node.asText();
    return value.isBlank() ? null : value;
  }
}

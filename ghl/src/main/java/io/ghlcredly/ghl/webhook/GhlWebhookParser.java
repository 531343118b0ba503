package io.ghlcredly.ghl.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.ghlcredly.core.model.AccountEvent;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.ghl.webhook.ParsedWebhook.AccountWebhook;
import io.ghlcredly.ghl.webhook.ParsedWebhook.ContactWebhook;
import io.ghlcredly.ghl.webhook.ParsedWebhook.Ignored;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Turns a verified HighLevel webhook payload into a {@link ParsedWebhook}
 * (docs/webhook-events/*.md): contact events ({@code ContactCreate}, {@code ContactUpdate}, {@code
 * ContactDelete}, {@code ContactTagUpdate}, {@code ContactDndUpdate}), note events ({@code
 * NoteCreate}, {@code NoteUpdate}, {@code NoteDelete}) and task events ({@code TaskCreate}, {@code
 * TaskComplete}, {@code TaskDelete}) become contact events; {@code INSTALL} and {@code UNINSTALL}
 * become account events; every other type is ignored.
 *
 * <p>Only what identifies the event is required: the ids and the location (for account events, a
 * location or a company). Fields HighLevel documents but may leave out (a task's title, a note's
 * body, dates, the install's user, plan and trial) are optional. Marketplace payloads are flat; the
 * Webhook Integration Guide's test sample nests the fields under {@code data}, so fields missing at
 * the top level are also looked up there. Thread-safe and stateless.
 */
public final class GhlWebhookParser {

  /**
   * Maps one payload.
   *
   * @throws IllegalArgumentException when an event the sync handles lacks an id it needs, its
   *     location, or a readable {@code timestamp}/{@code dateAdded} (answer 400: HighLevel will not
   *     retry it)
   */
  public ParsedWebhook parse(JsonNode payload, EventId webhookId) {
    String type = field(payload, "type");
    if (type == null) {
      return new Ignored("");
    }
    return switch (type) {
      case "ContactCreate",
          "ContactUpdate",
          "ContactTagUpdate",
          "ContactDelete",
          "ContactDndUpdate" ->
          new ContactWebhook(contactEvent(type, payload, webhookId));
      case "NoteCreate", "NoteUpdate", "NoteDelete" ->
          new ContactWebhook(noteEvent(type, payload, webhookId));
      case "TaskCreate", "TaskComplete", "TaskDelete" ->
          new ContactWebhook(taskEvent(type, payload, webhookId));
      case "INSTALL" ->
          new AccountWebhook(
              new AccountEvent.AppInstalled(
                  webhookId, optionalLocation(payload), field(payload, "companyId"), at(payload)));
      case "UNINSTALL" ->
          new AccountWebhook(
              new AccountEvent.AppUninstalled(
                  webhookId, optionalLocation(payload), field(payload, "companyId"), at(payload)));
      default -> new Ignored(type);
    };
  }

  /** The contact's own events: the payload is the contact, so {@code id} is the contact id. */
  private static SyncEvent.ContactEvent contactEvent(
      String type, JsonNode payload, EventId webhookId) {
    ContactId contact = new ContactId(required(payload, "id"));
    LocationId location = location(payload);
    Instant at = at(payload);
    return switch (type) {
      case "ContactCreate" -> new SyncEvent.ContactCreated(webhookId, contact, location, at);
      case "ContactUpdate" -> new SyncEvent.ContactUpdated(webhookId, contact, location, at);
      case "ContactTagUpdate" -> new SyncEvent.ContactTagsUpdated(webhookId, contact, location, at);
      case "ContactDelete" -> new SyncEvent.ContactDeleted(webhookId, contact, location, at);
      default -> new SyncEvent.ContactDndUpdated(webhookId, contact, location, at);
    };
  }

  /** Note payloads: {@code id} is the note, {@code contactId} its contact. */
  private static SyncEvent.NoteEvent noteEvent(String type, JsonNode payload, EventId webhookId) {
    String noteId = required(payload, "id");
    ContactId contact = new ContactId(required(payload, "contactId"));
    LocationId location = location(payload);
    Instant at = at(payload);
    return switch (type) {
      case "NoteCreate" -> new SyncEvent.NoteCreated(webhookId, contact, location, at, noteId);
      case "NoteUpdate" -> new SyncEvent.NoteUpdated(webhookId, contact, location, at, noteId);
      default -> new SyncEvent.NoteDeleted(webhookId, contact, location, at, noteId);
    };
  }

  /** Task payloads: {@code id} is the task, {@code contactId} its contact. */
  private static SyncEvent.TaskEvent taskEvent(String type, JsonNode payload, EventId webhookId) {
    String taskId = required(payload, "id");
    ContactId contact = new ContactId(required(payload, "contactId"));
    LocationId location = location(payload);
    Instant at = at(payload);
    String title = field(payload, "title");
    return switch (type) {
      case "TaskCreate" ->
          new SyncEvent.TaskCreated(webhookId, contact, location, at, taskId, title);
      case "TaskComplete" ->
          new SyncEvent.TaskCompleted(webhookId, contact, location, at, taskId, title);
      default -> new SyncEvent.TaskDeleted(webhookId, contact, location, at, taskId, title);
    };
  }

  private static LocationId location(JsonNode payload) {
    return new LocationId(required(payload, "locationId"));
  }

  private static @Nullable LocationId optionalLocation(JsonNode payload) {
    String value = field(payload, "locationId");
    return value == null ? null : new LocationId(value);
  }

  /**
   * Delivery {@code timestamp} first (always present on signed deliveries), else {@code dateAdded}.
   */
  private static Instant at(JsonNode payload) {
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

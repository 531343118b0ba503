package io.ghlcredly.testkit.ghl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ghlcredly.testkit.ghl.GhlContactExtras.Kind;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A contact's notes: list, get, create (201), update, delete. Notes have no dateUpdated. */
final class GhlNoteRoutes {
  private static final Set<String> FIELDS = Set.of("userId", "body", "title", "color", "pinned");

  /** The fields of note events (docs/webhook-events/Note*.md). */
  private static final List<String> WEBHOOK_FIELDS =
      List.of("id", "body", "contactId", "dateAdded");

  private final GhlContactStore store;
  private final GhlContactExtras extras;
  private final GhlWebhookSender webhooks;

  GhlNoteRoutes(GhlContactStore store, GhlContactExtras extras, GhlWebhookSender webhooks) {
    this.store = store;
    this.extras = extras;
    this.webhooks = webhooks;
  }

  void register(GhlRoutes.Registrar routes) {
    String notes = "/contacts/{contactId}/notes";
    String note = notes + "/{id}";
    routes.route("GET", notes, this::list);
    routes.route("POST", notes, this::create);
    routes.route("GET", note, this::get);
    routes.route("PUT", note, this::update);
    routes.route("DELETE", note, this::delete);
  }

  private EmulatorResponse list(EmulatorRequest request) {
    String contactId = request.pathParam("contactId");
    if (store.find(contactId).isEmpty()) {
      return GhlResponses.contactNotFound(contactId);
    }
    ObjectNode response = GhlResponses.object();
    ArrayNode notes = response.putArray("notes");
    extras.list(Kind.NOTE, contactId).forEach(notes::add);
    return GhlResponses.ok(200, response);
  }

  private EmulatorResponse create(EmulatorRequest request) {
    String contactId = request.pathParam("contactId");
    ObjectNode body = GhlResponses.body(request);
    Optional<EmulatorResponse> invalid = GhlResponses.invalid(body, FIELDS, "body");
    if (invalid.isPresent()) {
      return invalid.get();
    }
    if (store.find(contactId).isEmpty()) {
      return GhlResponses.contactNotFound(contactId);
    }
    ObjectNode note = GhlResponses.object().put("id", GhlContactStore.newId());
    note.setAll(body);
    note.put("contactId", contactId).put("dateAdded", store.now());
    ObjectNode stored = extras.put(Kind.NOTE, contactId, note);
    publish("NoteCreate", stored);
    return GhlResponses.ok(201, GhlResponses.wrap("note", stored));
  }

  private EmulatorResponse get(EmulatorRequest request) {
    String noteId = request.pathParam("id");
    return extras
        .find(Kind.NOTE, request.pathParam("contactId"), noteId)
        .map(note -> GhlResponses.ok(200, GhlResponses.wrap("note", note)))
        .orElseGet(() -> notFound(noteId));
  }

  private EmulatorResponse update(EmulatorRequest request) {
    String noteId = request.pathParam("id");
    ObjectNode body = GhlResponses.body(request);
    Optional<EmulatorResponse> invalid = GhlResponses.invalid(body, FIELDS);
    if (invalid.isPresent()) {
      return invalid.get();
    }
    return extras
        .update(Kind.NOTE, request.pathParam("contactId"), noteId, body)
        .map(
            note -> {
              publish("NoteUpdate", note);
              return GhlResponses.ok(200, GhlResponses.wrap("note", note));
            })
        .orElseGet(() -> notFound(noteId));
  }

  private EmulatorResponse delete(EmulatorRequest request) {
    String noteId = request.pathParam("id");
    return extras
        .remove(Kind.NOTE, request.pathParam("contactId"), noteId)
        .map(
            note -> {
              publish("NoteDelete", note);
              return GhlResponses.succeded(200);
            })
        .orElseGet(() -> notFound(noteId));
  }

  private void publish(String type, ObjectNode note) {
    // The event carries the location of the contact the note hangs off.
    String locationId = store.locationOf(note.path("contactId").asText()).orElse("");
    webhooks.publishSubject(type, locationId, note, WEBHOOK_FIELDS);
  }

  private static EmulatorResponse notFound(String noteId) {
    return GhlResponses.error(400, "Note with id " + noteId + " not found");
  }
}

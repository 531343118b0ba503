package io.ghlcredly.testkit.ghl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tags: add (201) and remove (DELETE with a JSON body) on one contact, and the bulk update of many
 * contacts. {@code ContactTagUpdate} is published whenever a contact's tags actually change.
 */
final class GhlTagRoutes {
  private static final Set<String> BULK_FIELDS =
      Set.of("contacts", "tags", "locationId", "removeAllTags");

  private final GhlContactStore store;
  private final GhlWebhookSender webhooks;

  GhlTagRoutes(GhlContactStore store, GhlWebhookSender webhooks) {
    this.store = store;
    this.webhooks = webhooks;
  }

  void register(GhlRoutes.Registrar routes) {
    routes.route("POST", "/contacts/{contactId}/tags", request -> changeTags(request, true));
    routes.route("DELETE", "/contacts/{contactId}/tags", request -> changeTags(request, false));
    routes.located("POST", "/contacts/bulk/tags/update/{type}", this::bulk);
  }

  private EmulatorResponse changeTags(EmulatorRequest request, boolean add) {
    String contactId = request.pathParam("contactId");
    ObjectNode body = GhlResponses.body(request);
    Optional<EmulatorResponse> invalid = GhlResponses.invalid(body, Set.of("tags"), "tags");
    if (invalid.isPresent()) {
      return invalid.get();
    }
    JsonNode tags = body.get("tags");
    if (!tags.isArray()) {
      return GhlResponses.unprocessable(List.of("tags must be an array"));
    }
    List<String> values = GhlResponses.strings(tags);
    Optional<GhlContactStore.Change> change =
        add ? store.addTags(contactId, values) : store.removeTags(contactId, values);
    if (change.isEmpty()) {
      return GhlResponses.contactNotFound(contactId);
    }
    if (change.get().changed()) {
      webhooks.publish("ContactTagUpdate", change.get().contact());
    }
    ObjectNode response = GhlResponses.object();
    response.set("tags", change.get().contact().get("tags"));
    return GhlResponses.ok(add ? 201 : 200, response);
  }

  private EmulatorResponse bulk(EmulatorRequest request, String locationId) {
    String type = request.pathParam("type");
    if (!type.equals("add") && !type.equals("remove")) {
      return GhlResponses.unprocessable(
          List.of("type must be one of the following values: add, remove"));
    }
    ObjectNode body = GhlResponses.body(request);
    Optional<EmulatorResponse> invalid =
        GhlResponses.invalid(body, BULK_FIELDS, "contacts", "tags", "locationId");
    if (invalid.isPresent()) {
      return invalid.get();
    }
    if (!body.path("locationId").asText().equals(locationId)) {
      return GhlResponses.noAccessToLocation();
    }
    List<String> tags = GhlResponses.strings(body.path("tags"));
    boolean removeAll = body.path("removeAllTags").asBoolean(false);
    ObjectNode response = GhlResponses.object().put("succeded", true);
    ArrayNode responses = response.putArray("responses");
    int errors = 0;
    for (String contactId : GhlResponses.strings(body.path("contacts"))) {
      List<String> removed = removeAll ? GhlContactStore.tags(contact(contactId)) : tags;
      boolean inLocation = store.locationOf(contactId).orElse("").equals(locationId);
      // Another location's contact is one this location does not have: reported as not found.
      Optional<GhlContactStore.Change> change =
          !inLocation
              ? Optional.empty()
              : type.equals("add")
                  ? store.addTags(contactId, tags)
                  : store.removeTags(contactId, removed);
      if (change.isEmpty()) {
        errors++;
        responses.add("Contact with id " + contactId + " not found");
      } else if (change.get().changed()) {
        webhooks.publish("ContactTagUpdate", change.get().contact());
      }
    }
    response.put("errorCount", errors);
    return GhlResponses.ok(201, response);
  }

  private JsonNode contact(String contactId) {
    return store.find(contactId).map(JsonNode.class::cast).orElseGet(GhlResponses::object);
  }
}

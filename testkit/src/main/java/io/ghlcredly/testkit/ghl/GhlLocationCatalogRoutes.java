package io.ghlcredly.testkit.ghl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a location defines, for the rule editor's pickers (apps/locations.json): {@code GET
 * /locations/{locationId}/tags} (get-location-tags: the tags its contacts carry and the tags
 * created on their own, each with its id) and {@code GET /locations/{locationId}/customFields}
 * (get-custom-fields: the seeded contact fields; query {@code model} is {@code contact}, {@code
 * opportunity} or {@code all}). A location's token reads its own location only (403 otherwise); the
 * caller's token class and scope are checked before. Thread-safe (reads only thread-safe parts).
 */
final class GhlLocationCatalogRoutes {
  private static final Set<String> MODELS = Set.of("contact", "opportunity", "all");

  private final GhlContactStore store;
  private final EmulatedLocationCatalog catalog;

  GhlLocationCatalogRoutes(GhlContactStore store, EmulatedLocationCatalog catalog) {
    this.store = store;
    this.catalog = catalog;
  }

  EmulatorResponse tags(EmulatorRequest request, GhlCaller caller) {
    String locationId = request.pathParam("locationId");
    if (!caller.accountId().equals(locationId)) {
      return GhlResponses.noAccessToLocation();
    }
    Set<String> names = new LinkedHashSet<>(catalog.createdTags(locationId));
    store.snapshot(locationId).forEach(contact -> names.addAll(GhlContactStore.tags(contact)));
    ObjectNode response = GhlResponses.object();
    ArrayNode tags = response.putArray("tags");
    for (String name : names) {
      tags.addObject()
          .put("id", catalog.tagId(locationId, name))
          .put("name", name)
          .put("locationId", locationId);
    }
    return GhlResponses.ok(200, response);
  }

  EmulatorResponse customFields(EmulatorRequest request, GhlCaller caller) {
    String locationId = request.pathParam("locationId");
    if (!caller.accountId().equals(locationId)) {
      return GhlResponses.noAccessToLocation();
    }
    String model = request.query().getOrDefault("model", "contact");
    if (!MODELS.contains(model)) {
      return GhlResponses.unprocessable(
          List.of("model must be one of the following values: contact, opportunity, all"));
    }
    ObjectNode response = GhlResponses.object();
    ArrayNode fields = response.putArray("customFields");
    if (!model.equals("opportunity")) {
      for (EmulatedLocationCatalog.CustomField field : catalog.customFields(locationId)) {
        fields
            .addObject()
            .put("id", field.id())
            .put("name", field.name())
            .put("fieldKey", field.fieldKey())
            .put("placeholder", "")
            .put("dataType", field.dataType())
            .put("position", field.position())
            .put("locationId", locationId)
            .put("model", "contact");
      }
    }
    return GhlResponses.ok(200, response);
  }
}

package io.ghlcredly.testkit.ghl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What a location defines, for the rule editor's pickers (apps/locations.json): {@code GET
 * /locations/{locationId}/tags} (get-location-tags: the tags its contacts carry and the tags
 * created on their own, each with its id) and {@code GET /locations/{locationId}/customFields}
 * (get-custom-fields: the seeded contact fields; query {@code model} is {@code contact}, {@code
 * opportunity} or {@code all}); and, by query {@code locationId}, {@code GET /workflows/}
 * (get-workflow, apps/workflows.json), {@code GET /campaigns/} (get-campaigns, filter {@code
 * status}, apps/campaigns.json) and {@code GET /users/} (get-user-by-location, apps/users.json),
 * each listing what was seeded. A location's token reads its own location only (403 otherwise); the
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

  EmulatorResponse workflows(EmulatorRequest request, GhlCaller caller) {
    return listed(
        request,
        caller,
        422,
        (locationId, response) -> {
          ArrayNode workflows = response.putArray("workflows");
          for (EmulatedLocationCatalog.Named workflow : catalog.workflows(locationId)) {
            workflows
                .addObject()
                .put("id", workflow.id())
                .put("name", workflow.name())
                .put("status", workflow.status())
                .put("version", 1)
                .put("createdAt", workflow.createdAt())
                .put("updatedAt", workflow.createdAt())
                .put("locationId", locationId);
          }
        });
  }

  EmulatorResponse campaigns(EmulatorRequest request, GhlCaller caller) {
    String status = request.query().get("status");
    return listed(
        request,
        caller,
        422,
        (locationId, response) -> {
          ArrayNode campaigns = response.putArray("campaigns");
          for (EmulatedLocationCatalog.Named campaign : catalog.campaigns(locationId)) {
            if (status == null || status.equals(campaign.status())) {
              campaigns
                  .addObject()
                  .put("id", campaign.id())
                  .put("name", campaign.name())
                  .put("status", campaign.status())
                  .put("locationId", locationId);
            }
          }
        });
  }

  EmulatorResponse users(EmulatorRequest request, GhlCaller caller) {
    // users.json documents no 422 for this operation; a missing locationId is a 400 there.
    return listed(
        request,
        caller,
        400,
        (locationId, response) -> {
          ArrayNode users = response.putArray("users");
          for (EmulatedLocationCatalog.User user : catalog.users(locationId)) {
            users
                .addObject()
                .put("id", user.id())
                .put("name", (user.firstName() + " " + user.lastName()).trim())
                .put("firstName", user.firstName())
                .put("lastName", user.lastName())
                .put("email", user.email());
          }
        });
  }

  /**
   * A list named by the {@code locationId} query parameter: missing is {@code missingStatus},
   * another location than the caller's 403.
   */
  private static EmulatorResponse listed(
      EmulatorRequest request,
      GhlCaller caller,
      int missingStatus,
      BiConsumer<String, ObjectNode> fill) {
    String locationId = request.query().getOrDefault("locationId", "");
    if (locationId.isBlank()) {
      return missingStatus == 422
          ? GhlResponses.unprocessable(List.of("locationId should not be empty"))
          : GhlResponses.error(missingStatus, "locationId should not be empty");
    }
    if (!caller.accountId().equals(locationId)) {
      return GhlResponses.noAccessToLocation();
    }
    ObjectNode response = GhlResponses.object();
    fill.accept(locationId, response);
    return GhlResponses.ok(200, response);
  }
}

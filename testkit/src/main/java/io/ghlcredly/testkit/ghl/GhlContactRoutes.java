package io.ghlcredly.testkit.ghl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Contact create, read, update, delete and upsert, and putting contacts into a business. Creates
 * refuse duplicates (same e-mail or phone) with HighLevel's 400 carrying {@code meta.contactId}.
 */
final class GhlContactRoutes {
  private static final Set<String> UPDATE_FIELDS =
      Set.of(
          "firstName",
          "lastName",
          "name",
          "email",
          "phone",
          "address1",
          "city",
          "state",
          "postalCode",
          "website",
          "timezone",
          "dnd",
          "dndSettings",
          "inboundDndSettings",
          "tags",
          "customFields",
          "source",
          "dateOfBirth",
          "country",
          "assignedTo");
  private static final Set<String> CREATE_FIELDS =
      union(UPDATE_FIELDS, "locationId", "gender", "companyName");
  private static final Set<String> UPSERT_FIELDS =
      union(CREATE_FIELDS, "createNewIfDuplicateAllowed");

  private final GhlContactStore store;
  private final GhlContactExtras extras;
  private final GhlWebhookSender webhooks;

  GhlContactRoutes(GhlContactStore store, GhlContactExtras extras, GhlWebhookSender webhooks) {
    this.store = store;
    this.extras = extras;
    this.webhooks = webhooks;
  }

  void register(GhlRoutes.Registrar routes) {
    routes.located("POST", "/contacts/upsert", this::upsertContact);
    routes.located("POST", "/contacts/bulk/business", this::updateBusiness);
    routes.route("GET", "/contacts/{contactId}", this::getContact);
    routes.located("POST", "/contacts/", this::createContact);
    routes.located("POST", "/contacts", this::createContact);
    routes.route("PUT", "/contacts/{contactId}", this::updateContact);
    routes.route("DELETE", "/contacts/{contactId}", this::deleteContact);
  }

  private EmulatorResponse getContact(EmulatorRequest request) {
    String contactId = request.pathParam("contactId");
    return store
        .find(contactId)
        .map(contact -> GhlResponses.ok(200, GhlResponses.wrap("contact", shape(contact))))
        .orElseGet(() -> GhlResponses.contactNotFound(contactId));
  }

  private EmulatorResponse createContact(EmulatorRequest request, String locationId) {
    ObjectNode body = GhlResponses.body(request);
    Optional<EmulatorResponse> refusal = checkLocation(body, CREATE_FIELDS, locationId);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    Optional<Duplicate> duplicate = duplicateOf(locationId, body);
    if (duplicate.isPresent()) {
      ObjectNode error =
          GhlResponses.object()
              .put("statusCode", 400)
              .put("message", "This location does not allow duplicated contacts.");
      error
          .putObject("meta")
          .put("contactId", duplicate.get().contactId())
          .put("matchingField", duplicate.get().field());
      return GhlResponses.ok(400, error);
    }
    ObjectNode contact = store.create(locationId, body);
    webhooks.publish("ContactCreate", contact);
    ObjectNode created = GhlShapes.pick(contact, GhlShapes.CREATED_CONTACT);
    return GhlResponses.ok(201, GhlResponses.wrap("contact", created));
  }

  private EmulatorResponse upsertContact(EmulatorRequest request, String locationId) {
    ObjectNode body = GhlResponses.body(request);
    Optional<EmulatorResponse> refusal = checkLocation(body, UPSERT_FIELDS, locationId);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    boolean createAnyway = body.path("createNewIfDuplicateAllowed").asBoolean(false);
    body.remove(List.of("createNewIfDuplicateAllowed", "locationId"));
    Optional<Duplicate> existing = createAnyway ? Optional.empty() : duplicateOf(locationId, body);
    ObjectNode contact;
    if (existing.isPresent()) {
      contact = store.update(existing.get().contactId(), body).orElseThrow().contact();
      webhooks.publish("ContactUpdate", contact);
    } else {
      contact = store.create(locationId, body);
      webhooks.publish("ContactCreate", contact);
    }
    ObjectNode response = GhlResponses.object().put("new", existing.isEmpty());
    response.set("contact", shape(contact));
    response.put("traceId", UUID.randomUUID().toString());
    return GhlResponses.ok(200, response);
  }

  private EmulatorResponse updateContact(EmulatorRequest request) {
    String contactId = request.pathParam("contactId");
    ObjectNode body = GhlResponses.body(request);
    Optional<EmulatorResponse> refusal = GhlResponses.invalid(body, UPDATE_FIELDS);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    Optional<String> dndBefore = store.find(contactId).map(GhlContactRoutes::dnd);
    Optional<GhlContactStore.Change> change = store.update(contactId, body);
    if (change.isEmpty()) {
      return GhlResponses.contactNotFound(contactId);
    }
    ObjectNode contact = change.get().contact();
    webhooks.publish("ContactUpdate", contact);
    if (change.get().changed()) {
      webhooks.publish("ContactTagUpdate", contact);
    }
    if (!dndBefore.orElse("").equals(dnd(contact))) {
      webhooks.publish("ContactDndUpdate", contact);
    }
    ObjectNode response = GhlResponses.object().put("succeded", true);
    response.set("contact", shape(contact));
    return GhlResponses.ok(200, response);
  }

  /** The contact's do-not-disturb state, to tell when a change deserves a ContactDndUpdate. */
  private static String dnd(ObjectNode contact) {
    return contact.path("dnd").toString() + contact.path("dndSettings").toString();
  }

  private EmulatorResponse deleteContact(EmulatorRequest request) {
    String contactId = request.pathParam("contactId");
    Optional<ObjectNode> deleted = store.delete(contactId);
    if (deleted.isEmpty()) {
      return GhlResponses.contactNotFound(contactId);
    }
    extras.forget(contactId);
    webhooks.publish("ContactDelete", deleted.get());
    return GhlResponses.succeded(200);
  }

  private EmulatorResponse updateBusiness(EmulatorRequest request, String locationId) {
    ObjectNode body = GhlResponses.body(request);
    Optional<EmulatorResponse> refusal =
        checkLocation(body, Set.of("locationId", "ids", "businessId"), locationId);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    String businessId = body.path("businessId").asText("");
    List<String> updated = new ArrayList<>();
    for (String contactId : GhlResponses.strings(body.path("ids"))) {
      if (!store.locationOf(contactId).orElse("").equals(locationId)) {
        continue; // another location's contact is not the caller's to change
      }
      ObjectNode change = GhlResponses.object().put("businessId", businessId);
      store.update(contactId, change).ifPresent(done -> updated.add(contactId));
    }
    ObjectNode response = GhlResponses.object().put("success", true);
    response.set("ids", GhlResponses.array(updated));
    return GhlResponses.ok(200, response);
  }

  /** 422 for unknown properties or no locationId, 403 for another location than the caller's. */
  private static Optional<EmulatorResponse> checkLocation(
      ObjectNode body, Set<String> allowed, String callerLocation) {
    Optional<EmulatorResponse> invalid = GhlResponses.invalid(body, allowed, "locationId");
    if (invalid.isPresent()) {
      return invalid;
    }
    if (!body.path("locationId").asText().equals(callerLocation)) {
      return Optional.of(GhlResponses.noAccessToLocation());
    }
    return Optional.empty();
  }

  /** A contact of the same location with the e-mail or phone: duplicates are per location. */
  private Optional<Duplicate> duplicateOf(String locationId, ObjectNode body) {
    JsonNode email = body.get("email");
    if (email != null && email.isTextual()) {
      Optional<String> byEmail = store.findIdByEmail(locationId, email.asText());
      if (byEmail.isPresent()) {
        return Optional.of(new Duplicate(byEmail.get(), "email"));
      }
    }
    JsonNode phone = body.get("phone");
    if (phone != null && phone.isTextual()) {
      return store.findIdByPhone(locationId, phone.asText()).map(id -> new Duplicate(id, "phone"));
    }
    return Optional.empty();
  }

  static ObjectNode shape(ObjectNode contact) {
    return GhlShapes.pick(contact, GhlShapes.CONTACT);
  }

  private static Set<String> union(Set<String> base, String... more) {
    List<String> all = new ArrayList<>(base);
    all.addAll(List.of(more));
    return Set.copyOf(all);
  }

  private record Duplicate(String contactId, String field) {}
}

package io.ghlcredly.testkit.ghl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.testkit.ghl.oauth.GhlOAuthEmulator;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import io.ghlcredly.testkit.server.EmulatorServer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The contacts endpoints of apps/contacts.json, with the checks HighLevel makes on every call, in
 * its order: {@code Version} header (401 when missing, 400 when unknown), bearer token (401), rate
 * limit (429; the {@code X-RateLimit-*} headers go on every authenticated answer), then the
 * endpoint's own validation (422 for unknown or missing properties). Thread-safe (stateless apart
 * from the thread-safe parts it is given).
 */
final class GhlRoutes {
  static final Set<String> KNOWN_VERSIONS = Set.of("2021-07-28", "2021-04-15", "2023-02-21", "v3");

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
  private static final Set<String> CREATE_FIELDS = union(UPDATE_FIELDS, "locationId", "gender");

  private final GhlContactStore store;
  private final GhlRateLimiter limiter;
  private final GhlWebhookSender webhooks;
  private final Secret accessToken;
  private final String locationId;
  private final GhlOAuthEmulator oauth;

  GhlRoutes(
      GhlContactStore store,
      GhlRateLimiter limiter,
      GhlWebhookSender webhooks,
      Secret accessToken,
      String locationId,
      GhlOAuthEmulator oauth) {
    this.store = store;
    this.limiter = limiter;
    this.webhooks = webhooks;
    this.accessToken = accessToken;
    this.locationId = locationId;
    this.oauth = oauth;
  }

  void register(EmulatorServer server) {
    server.route("GET", "/contacts/{contactId}", guarded(this::getContact));
    server.route("POST", "/contacts/", guarded(this::createContact));
    server.route("POST", "/contacts", guarded(this::createContact));
    server.route("PUT", "/contacts/{contactId}", guarded(this::updateContact));
    server.route("DELETE", "/contacts/{contactId}", guarded(this::deleteContact));
    server.route("POST", "/contacts/{contactId}/tags", guarded(this::addTags));
    server.route("DELETE", "/contacts/{contactId}/tags", guarded(this::removeTags));
  }

  private Function<EmulatorRequest, EmulatorResponse> guarded(
      Function<EmulatorRequest, EmulatorResponse> handler) {
    return request -> {
      Optional<String> version = request.header("Version");
      if (version.isEmpty()) {
        return GhlResponses.unauthorized("version header was not found.");
      }
      if (!KNOWN_VERSIONS.contains(version.get())) {
        return GhlResponses.error(
            400, "Invalid API version segment '" + version.get() + "' at position 0");
      }
      String authorization = request.header("Authorization").orElse("");
      Optional<String> refused =
          authorized(authorization) ? Optional.empty() : oauth.rejection(authorization);
      if (refused.isPresent()) {
        return GhlResponses.unauthorized(refused.get());
      }
      GhlRateLimiter.Decision decision = limiter.acquire(locationId);
      EmulatorResponse response =
          decision.allowed()
              ? handler.apply(request)
              : GhlResponses.error(429, "Too many requests, please try again later.");
      return decision.addHeaders(response);
    };
  }

  private boolean authorized(String authorization) {
    String expected = "Bearer " + accessToken.reveal();
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), authorization.getBytes(StandardCharsets.UTF_8));
  }

  private EmulatorResponse getContact(EmulatorRequest request) {
    String contactId = request.pathParam("contactId");
    return store
        .find(contactId)
        .map(contact -> GhlResponses.ok(200, wrap("contact", contact)))
        .orElseGet(() -> GhlResponses.contactNotFound(contactId));
  }

  private EmulatorResponse createContact(EmulatorRequest request) {
    Optional<ObjectNode> body = GhlResponses.parseObject(request.body());
    if (body.isEmpty()) {
      return GhlResponses.unprocessable(List.of("locationId should not be empty"));
    }
    List<String> problems = unknownProperties(body.get(), CREATE_FIELDS);
    String location = body.get().path("locationId").asText("");
    if (location.isBlank()) {
      problems.add("locationId should not be empty");
    }
    if (!problems.isEmpty()) {
      return GhlResponses.unprocessable(problems);
    }
    if (!location.equals(locationId)) {
      return GhlResponses.error(403, "The token does not have access to this location.");
    }
    JsonNode email = body.get().get("email");
    if (email != null && email.isTextual()) {
      Optional<String> duplicate = store.findIdByEmail(email.asText());
      if (duplicate.isPresent()) {
        ObjectNode error =
            GhlResponses.object()
                .put("statusCode", 400)
                .put("message", "This location does not allow duplicated contacts.");
        error.putObject("meta").put("contactId", duplicate.get()).put("matchingField", "email");
        return GhlResponses.ok(400, error);
      }
    }
    ObjectNode contact = store.create(body.get());
    webhooks.publish("ContactCreate", contact);
    return GhlResponses.ok(201, wrap("contact", contact));
  }

  private EmulatorResponse updateContact(EmulatorRequest request) {
    String contactId = request.pathParam("contactId");
    ObjectNode body = GhlResponses.parseObject(request.body()).orElse(GhlResponses.object());
    List<String> problems = unknownProperties(body, UPDATE_FIELDS);
    if (!problems.isEmpty()) {
      return GhlResponses.unprocessable(problems);
    }
    Optional<GhlContactStore.Change> change = store.update(contactId, body);
    if (change.isEmpty()) {
      return GhlResponses.contactNotFound(contactId);
    }
    ObjectNode contact = change.get().contact();
    webhooks.publish("ContactUpdate", contact);
    if (change.get().changed()) {
      webhooks.publish("ContactTagUpdate", contact);
    }
    ObjectNode response = GhlResponses.object().put("succeded", true);
    response.set("contact", contact);
    return GhlResponses.ok(200, response);
  }

  private EmulatorResponse deleteContact(EmulatorRequest request) {
    String contactId = request.pathParam("contactId");
    Optional<ObjectNode> deleted = store.delete(contactId);
    if (deleted.isEmpty()) {
      return GhlResponses.contactNotFound(contactId);
    }
    webhooks.publish("ContactDelete", deleted.get());
    return GhlResponses.ok(200, GhlResponses.object().put("succeded", true));
  }

  private EmulatorResponse addTags(EmulatorRequest request) {
    return changeTags(request, true);
  }

  private EmulatorResponse removeTags(EmulatorRequest request) {
    return changeTags(request, false);
  }

  private EmulatorResponse changeTags(EmulatorRequest request, boolean add) {
    String contactId = request.pathParam("contactId");
    ObjectNode body = GhlResponses.parseObject(request.body()).orElse(GhlResponses.object());
    List<String> problems = unknownProperties(body, Set.of("tags"));
    JsonNode tags = body.get("tags");
    List<String> values = new ArrayList<>();
    if (tags == null || !tags.isArray()) {
      problems.add("tags must be an array");
    } else {
      tags.forEach(tag -> values.add(tag.asText()));
    }
    if (!problems.isEmpty()) {
      return GhlResponses.unprocessable(problems);
    }
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

  private static List<String> unknownProperties(ObjectNode body, Set<String> allowed) {
    List<String> problems = new ArrayList<>();
    body.fieldNames()
        .forEachRemaining(
            name -> {
              if (!allowed.contains(name)) {
                problems.add("property " + name + " should not exist");
              }
            });
    return problems;
  }

  private static ObjectNode wrap(String name, JsonNode value) {
    ObjectNode wrapper = GhlResponses.object();
    wrapper.set(name, value);
    return wrapper;
  }

  private static Set<String> union(Set<String> base, String... more) {
    List<String> all = new ArrayList<>(base);
    all.addAll(List.of(more));
    return Set.copyOf(all);
  }
}

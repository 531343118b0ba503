package io.ghlcredly.testkit.ghl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** JSON helpers and HighLevel's NestJS-style error bodies. */
final class GhlResponses {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private GhlResponses() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body as a JSON object, or empty when it is blank, malformed or not an object. */
  static Optional<ObjectNode> parseObject(String body) {
    if (body.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  static EmulatorResponse ok(int status, JsonNode body) {
    return EmulatorResponse.json(status, write(body));
  }

  static EmulatorResponse error(int status, String message) {
    ObjectNode body = object().put("statusCode", status).put("message", message);
    return ok(status, body);
  }

  static EmulatorResponse unauthorized(String message) {
    ObjectNode body =
        object().put("statusCode", 401).put("message", message).put("error", "Unauthorized");
    return ok(401, body);
  }

  /** 422 with a message array, as class-validator reports it. */
  static EmulatorResponse unprocessable(List<String> messages) {
    ObjectNode body = object().put("statusCode", 422);
    ArrayNode array = body.putArray("message");
    messages.forEach(array::add);
    body.put("error", "Unprocessable Entity");
    return ok(422, body);
  }

  /** The request body as an object; an empty object when blank or not an object. */
  static ObjectNode body(EmulatorRequest request) {
    return parseObject(request.body()).orElseGet(GhlResponses::object);
  }

  /**
   * A 422 like class-validator's when the body has properties outside {@code allowed} or lacks a
   * {@code required} one; empty when the body is acceptable.
   */
  static Optional<EmulatorResponse> invalid(
      ObjectNode body, Set<String> allowed, String... required) {
    List<String> problems = new ArrayList<>();
    body.fieldNames()
        .forEachRemaining(
            name -> {
              if (!allowed.contains(name)) {
                problems.add("property " + name + " should not exist");
              }
            });
    for (String name : required) {
      JsonNode value = body.get(name);
      if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
        problems.add(name + " should not be empty");
      }
    }
    return problems.isEmpty() ? Optional.empty() : Optional.of(unprocessable(problems));
  }

  static ObjectNode wrap(String name, JsonNode value) {
    ObjectNode wrapper = object();
    wrapper.set(name, value);
    return wrapper;
  }

  /** {@code {"succeded": true}}, spelled as HighLevel's v2 API spells it. */
  static EmulatorResponse succeded(int status) {
    return ok(status, object().put("succeded", true));
  }

  static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    if (array.isArray()) {
      array.forEach(value -> values.add(value.asText()));
    }
    return values;
  }

  static ArrayNode array(List<String> values) {
    ArrayNode array = MAPPER.createArrayNode();
    values.forEach(array::add);
    return array;
  }

  /** HighLevel's 403 for a token of the right class used on another location (observed). */
  static EmulatorResponse noAccessToLocation() {
    return error(403, "The token does not have access to this location.");
  }

  static EmulatorResponse contactNotFound(String contactId) {
    return error(400, "Contact with id " + contactId + " not found");
  }
}

package io.ghlcredly.testkit.ghl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ghlcredly.testkit.server.EmulatorResponse;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

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

  static EmulatorResponse contactNotFound(String contactId) {
    return error(400, "Contact with id " + contactId + " not found");
  }
}

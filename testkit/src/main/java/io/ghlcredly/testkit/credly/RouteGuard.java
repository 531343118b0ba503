package io.ghlcredly.testkit.credly;

import com.fasterxml.jackson.databind.JsonNode;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every emulated route shares: authentication, the organization check, Credly's error body
 * {@code {"data":{"message":...},"metadata":null}}, and bad input answered 400 rather than a
 * dropped connection. Thread-safe.
 */
final class RouteGuard {
  private static final Logger log = LoggerFactory.getLogger(RouteGuard.class);

  private final CredlyJson json;
  private final CredlyAccess access;
  private final String organizationId;

  RouteGuard(CredlyJson json, CredlyAccess access, String organizationId) {
    this.json = json;
    this.access = access;
    this.organizationId = organizationId;
  }

  CredlyJson json() {
    return json;
  }

  Function<EmulatorRequest, EmulatorResponse> authenticated(
      Function<EmulatorRequest, EmulatorResponse> handler) {
    return safely(
        request -> {
          Optional<String> refusal = access.refusal(request);
          return refusal.isEmpty() ? handler.apply(request) : error(401, refusal.get());
        });
  }

  Function<EmulatorRequest, EmulatorResponse> inOrganization(
      Function<EmulatorRequest, EmulatorResponse> handler) {
    return authenticated(
        request ->
            organizationId.equals(request.pathParam("org"))
                ? handler.apply(request)
                : error(404, "Organization not found"));
  }

  /** Bad input answers 400 and a bug answers 500, never a dropped connection. */
  Function<EmulatorRequest, EmulatorResponse> safely(
      Function<EmulatorRequest, EmulatorResponse> handler) {
    return request -> {
      try {
        return handler.apply(request);
      } catch (IllegalArgumentException e) {
        return error(400, String.valueOf(e.getMessage()));
      } catch (RuntimeException e) {
        log.atWarn()
            .addKeyValue("method", request.method())
            .addKeyValue("path", request.path())
            .setCause(e)
            .log("Credly emulator failed to handle a request");
        return error(500, "Emulator error: " + e);
      }
    };
  }

  EmulatorResponse ok(String body) {
    return EmulatorResponse.json(200, body);
  }

  EmulatorResponse single(int status, JsonNode data) {
    return EmulatorResponse.json(status, json.single(data));
  }

  EmulatorResponse error(int status, String message) {
    return EmulatorResponse.json(status, json.error(message));
  }

  static int positiveInt(Map<String, String> query, String name, int fallback) {
    String value = query.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed >= 1) {
        return parsed;
      }
    } catch (NumberFormatException notNumber) {
      // answered below
    }
    throw new IllegalArgumentException(name + " must be a positive integer: " + value);
  }
}

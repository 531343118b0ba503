package io.ghlcredly.testkit.credly;

import com.fasterxml.jackson.databind.JsonNode;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every emulated route shares: Credly's envelopes, its error body {@code
 * {"data":{"message":...},"metadata":null}}, and bad input answered 400 rather than a dropped
 * connection. Authentication and the organization check are the {@link OrganizationRouter}'s.
 * Thread-safe.
 */
final class RouteGuard {
  private static final Logger log = LoggerFactory.getLogger(RouteGuard.class);

  private final CredlyJson json;

  RouteGuard(CredlyJson json) {
    this.json = json;
  }

  CredlyJson json() {
    return json;
  }

  /** Bad input answers 400 and a bug answers 500, never a dropped connection. */
  static Function<EmulatorRequest, EmulatorResponse> safely(
      Function<EmulatorRequest, EmulatorResponse> handler) {
    return request -> {
      try {
        return handler.apply(request);
      } catch (IllegalArgumentException e) {
        return failure(400, String.valueOf(e.getMessage()));
      } catch (RuntimeException e) {
        log.atWarn()
            .addKeyValue("method", request.method())
            .addKeyValue("path", request.path())
            .setCause(e)
            .log("Credly emulator failed to handle a request");
        return failure(500, "Emulator error: " + e);
      }
    };
  }

  /** Credly's error answer; the body names no organization, so any route may give it. */
  static EmulatorResponse failure(int status, String message) {
    return EmulatorResponse.json(status, CredlyJson.error(message));
  }

  EmulatorResponse ok(String body) {
    return EmulatorResponse.json(200, body);
  }

  EmulatorResponse single(int status, JsonNode data) {
    return EmulatorResponse.json(status, json.single(data));
  }

  EmulatorResponse error(int status, String message) {
    return failure(status, message);
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

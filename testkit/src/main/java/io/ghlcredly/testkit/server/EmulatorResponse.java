package io.ghlcredly.testkit.server;

import java.util.LinkedHashMap;
import java.util.Map;

/** A response the emulator sends: status, extra headers and a JSON (or empty) body. */
public record EmulatorResponse(int status, Map<String, String> headers, String body) {
  public EmulatorResponse {
    headers = Map.copyOf(headers);
  }

  public static EmulatorResponse json(int status, String body) {
    return new EmulatorResponse(status, Map.of(), body);
  }

  public EmulatorResponse withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new EmulatorResponse(status, more, body);
  }
}

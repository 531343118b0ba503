package io.ghlcredly.testkit.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request as the emulator received it.
 *
 * @param pathParams values of the route's {@code {name}} segments
 * @param headers lower-cased names, first value of each
 * @param receivedAt when the emulator received it (system clock), for benchmarks that time how long
 *     a change took to reach the provider
 */
public record EmulatorRequest(
    String method,
    String path,
    String rawQuery,
    Map<String, String> headers,
    Map<String, String> pathParams,
    String body,
    Instant receivedAt) {
  public EmulatorRequest {
    headers = Map.copyOf(headers);
    pathParams = Map.copyOf(pathParams);
  }

  /** A request received now. */
  public EmulatorRequest(
      String method,
      String path,
      String rawQuery,
      Map<String, String> headers,
      Map<String, String> pathParams,
      String body) {
    this(method, path, rawQuery, headers, pathParams, body, Instant.now());
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  public String pathParam(String name) {
    String value = pathParams.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no path parameter " + name);
    }
    return value;
  }

  /** Decoded query parameters; a repeated name keeps its first value. */
  public Map<String, String> query() {
    return formFields(rawQuery);
  }

  /** The body read as {@code application/x-www-form-urlencoded} fields, as token endpoints take. */
  public Map<String, String> form() {
    return formFields(body);
  }

  private static Map<String, String> formFields(String encoded) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (encoded.isBlank()) {
      return fields;
    }
    for (String pair : List.of(encoded.split("&"))) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      fields.putIfAbsent(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return fields;
  }
}

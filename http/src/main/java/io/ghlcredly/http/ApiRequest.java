package io.ghlcredly.http;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One outbound call, relative to the connector's base URL.
 *
 * @param path path and query, starting with {@code /}; query values must already be encoded
 * @param body JSON body, or null
 */
public record ApiRequest(
    String method, String path, Map<String, String> headers, @Nullable String body) {
  public ApiRequest {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with /: " + path);
    }
    headers = Map.copyOf(headers);
  }

  public static ApiRequest get(String path) {
    return new ApiRequest("GET", path, Map.of(), null);
  }

  public static ApiRequest post(String path, String jsonBody) {
    return new ApiRequest("POST", path, Map.of(), jsonBody);
  }

  public static ApiRequest put(String path, String jsonBody) {
    return new ApiRequest("PUT", path, Map.of(), jsonBody);
  }

  public static ApiRequest delete(String path, @Nullable String jsonBody) {
    return new ApiRequest("DELETE", path, Map.of(), jsonBody);
  }

  /** A copy with one more header. */
  public ApiRequest withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ApiRequest(method, path, more, body);
  }

  /** The path without its query, safe to log (query strings may carry e-mail addresses). */
  public String pathForLogs() {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }
}

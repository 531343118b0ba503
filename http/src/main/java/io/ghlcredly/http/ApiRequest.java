package io.ghlcredly.http;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One outbound call, relative to the connector's base URL.
 *
 * @param path path and query, starting with {@code /}; query values must already be encoded
 * @param body JSON body, or null
 * @param rateKey whose rate budget the call spends (for HighLevel the location id), or null when
 *     the call is not rate limited; never sent
 * @param priority how the call ranks against other calls of the same budget; never sent
 */
public record ApiRequest(
    String method,
    String path,
    Map<String, String> headers,
    @Nullable String body,
    @Nullable String rateKey,
    RatePriority priority) {
  public ApiRequest {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with /: " + path);
    }
    headers = Map.copyOf(headers);
  }

  /** A call outside any rate budget, at {@link RatePriority#LIVE}. */
  public ApiRequest(
      String method, String path, Map<String, String> headers, @Nullable String body) {
    this(method, path, headers, body, null, RatePriority.LIVE);
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
    return new ApiRequest(method, path, more, body, rateKey, priority);
  }

  /** A copy that spends the rate budget of {@code key} (for HighLevel: the location id). */
  public ApiRequest withRateKey(String key) {
    return new ApiRequest(method, path, headers, body, key, priority);
  }

  /** A copy with another priority. */
  public ApiRequest withPriority(RatePriority newPriority) {
    return new ApiRequest(method, path, headers, body, rateKey, newPriority);
  }

  /** The path without its query, safe to log (query strings may carry e-mail addresses). */
  public String pathForLogs() {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }
}

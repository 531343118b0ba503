package io.ghlcredly.ghl;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.http.ApiRequest;
import io.ghlcredly.http.ApiResponse;
import io.ghlcredly.http.HttpTransport;
import io.ghlcredly.http.JsonCodec;
import io.ghlcredly.http.RatePriority;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * Sends one {@link GhlEndpoint} call: the scope check (before anything leaves), the path and query
 * with encoding, the JSON body, and reading the answer. The single place every HighLevel call goes
 * through. Thread-safe.
 */
final class GhlRequests {
  /**
   * HighLevel documents no {@code Retry-After} on 429; its burst window is 10 s, so waiting one
   * window is the earliest a retry can succeed.
   */
  static final Duration RATE_LIMIT_WINDOW = Duration.ofSeconds(10);

  private final HttpTransport transport;
  private final JsonCodec json;
  private final GrantedScopes scopes;
  private final @Nullable String rateKey;
  private final RatePriority priority;

  GhlRequests(HttpTransport transport, JsonCodec json, GrantedScopes scopes) {
    this(transport, json, scopes, null, RatePriority.LIVE);
  }

  private GhlRequests(
      HttpTransport transport,
      JsonCodec json,
      GrantedScopes scopes,
      @Nullable String rateKey,
      RatePriority priority) {
    this.transport = transport;
    this.json = json;
    this.scopes = scopes;
    this.rateKey = rateKey;
    this.priority = priority;
  }

  /** The same requests, counted against the rate budget of {@code key} at {@code newPriority}. */
  GhlRequests rated(String key, RatePriority newPriority) {
    return new GhlRequests(transport, json, scopes, key, newPriority);
  }

  JsonCodec json() {
    return json;
  }

  /** Sends with a DTO body (or none) and reads the answer as {@code type}. */
  <T> T call(
      GhlEndpoint endpoint,
      Map<String, String> pathParams,
      Map<String, @Nullable String> query,
      @Nullable Object body,
      Class<T> type) {
    String jsonBody = body == null ? null : json.write(body);
    ApiResponse response = send(endpoint, pathParams, query, jsonBody);
    try {
      return json.read(response.body(), type);
    } catch (UncheckedIOException e) {
      throw malformed(endpoint, "unreadable " + type.getSimpleName(), e);
    }
  }

  /**
   * Checks the scope, then sends. Null query values are left out.
   *
   * @throws MissingScopeException before sending, when the token lacks the endpoint's scope
   * @throws IllegalArgumentException when a path parameter is missing
   * @throws ApiException when HighLevel refuses or cannot answer
   */
  ApiResponse send(
      GhlEndpoint endpoint,
      Map<String, String> pathParams,
      Map<String, @Nullable String> query,
      @Nullable String jsonBody) {
    endpoint
        .scope()
        .filter(scope -> !scopes.allows(scope))
        .ifPresent(
            scope -> {
              throw new MissingScopeException(endpoint.operationId(), scope);
            });
    String path = endpoint.path(pathParams) + queryString(query);
    ApiRequest request =
        new ApiRequest(endpoint.method(), path, Map.of(), jsonBody).withPriority(priority);
    if (rateKey != null) {
      request = request.withRateKey(rateKey);
    }
    try {
      return transport.send(request);
    } catch (ApiException e) {
      if (e.status() == 429 && e.retryAfter().isEmpty()) {
        throw new ApiException(
            e.connector(),
            e.method(),
            e.path(),
            e.status(),
            e.kind(),
            e.providerMessage().orElse(null),
            RATE_LIMIT_WINDOW,
            e);
      }
      throw e;
    }
  }

  private static String queryString(Map<String, @Nullable String> query) {
    StringJoiner joined = new StringJoiner("&", "?", "");
    joined.setEmptyValue("");
    query.forEach(
        (name, value) -> {
          if (value != null) {
            joined.add(GhlEndpoint.encode(name) + "=" + GhlEndpoint.encode(value));
          }
        });
    return joined.toString();
  }

  static ApiException malformed(GhlEndpoint endpoint, String what, @Nullable Throwable cause) {
    // A 2xx with a body we cannot use is most likely a glitch upstream; let the job retry.
    return new ApiException(
        GhlClient.CONNECTOR,
        endpoint.method(),
        endpoint.pathTemplate(),
        200,
        ApiException.Kind.TRANSIENT,
        what,
        null,
        cause);
  }
}

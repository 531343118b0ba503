package io.ghlcredly.credly;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.credly.api.PageOf;
import io.ghlcredly.http.ApiRequest;
import io.ghlcredly.http.HttpTransport;
import io.ghlcredly.http.JsonCodec;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends Credly calls: in an adaptive-concurrency slot, with one replay after a 401 when the
 * credentials could be refreshed, and the token-expiry check. Reads JSON and follows {@code
 * next_page_url}. Calls that anyone on the internet can cause (fetching the event a webhook names)
 * go to a lane of their own with a few slots, so that they never take one that issuance waits for.
 * Thread-safe.
 */
final class CredlyCalls {
  private static final Logger log = LoggerFactory.getLogger(CredlyCalls.class);

  /** Guards against a server that keeps sending a next page. */
  static final int MAX_PAGES = 200;

  private final HttpTransport transport;
  private final JsonCodec codec;
  private final CredlyAuth auth;
  private final AdaptiveConcurrency concurrency;
  private final AdaptiveConcurrency hintLane;
  private final CredlyTokenHealth tokenHealth;

  CredlyCalls(
      HttpTransport transport,
      JsonCodec codec,
      CredlyAuth auth,
      AdaptiveConcurrency concurrency,
      AdaptiveConcurrency hintLane,
      CredlyTokenHealth tokenHealth) {
    this.transport = transport;
    this.codec = codec;
    this.auth = auth;
    this.concurrency = concurrency;
    this.hintLane = hintLane;
    this.tokenHealth = tokenHealth;
  }

  JsonCodec codec() {
    return codec;
  }

  AdaptiveConcurrency concurrency() {
    return concurrency;
  }

  AdaptiveConcurrency hintLane() {
    return hintLane;
  }

  CredlyTokenHealth tokenHealth() {
    return tokenHealth;
  }

  /** Sends and returns the response body (empty for 204). */
  String send(ApiRequest request) {
    tokenHealth.check();
    return concurrency.call(request.method(), request.pathForLogs(), () -> sendOnce(request));
  }

  /**
   * Reads in the hint lane if one of its slots is free now; empty, without sending, when none is.
   * Never waits, and never takes a slot of the shared limit.
   */
  <T> Optional<T> readInHintLane(ApiRequest request, Class<T> type) {
    tokenHealth.check();
    return hintLane.tryCall(() -> sendOnce(request)).map(body -> codec.read(body, type));
  }

  private String sendOnce(ApiRequest request) {
    try {
      return transport.send(request).body();
    } catch (ApiException e) {
      if (e.kind() == ApiException.Kind.UNAUTHORIZED && auth.refreshAfterUnauthorized()) {
        return transport.send(request).body();
      }
      throw e;
    }
  }

  <T> T read(ApiRequest request, Class<T> type) {
    return codec.read(send(request), type);
  }

  /** One page of {@code path} with the query (may be empty). */
  <T, P extends PageOf<T>> Page<T> page(String path, String query, Class<P> type) {
    P page = read(ApiRequest.get(query.isEmpty() ? path : path + "?" + query), type);
    return new Page<>(page.data(), page.metadata());
  }

  /** Every item of {@code path}, following next_page_url from the query's page on. */
  <T, P extends PageOf<T>> List<T> all(String path, String query, Class<P> type) {
    List<T> items = new ArrayList<>();
    String current = query;
    for (int page = 1; page <= MAX_PAGES; page++) {
      P result = read(ApiRequest.get(current.isEmpty() ? path : path + "?" + current), type);
      items.addAll(result.data());
      String next = result.nextPageUrl();
      if (next == null || next.isBlank()) {
        return items;
      }
      current = nextQuery(next, current);
    }
    log.atWarn()
        .addKeyValue("pages", MAX_PAGES)
        .log("Credly kept returning next_page_url; stopped paging");
    return items;
  }

  /**
   * The query of {@code next_page_url}. Only its query is used, on our own base URL: Credly's
   * absolute URLs may name another host or path prefix than the configured one (credly.md §1).
   */
  private static String nextQuery(String nextPageUrl, String currentQuery) {
    @Nullable String query = URI.create(nextPageUrl).getRawQuery();
    if (query == null || query.isBlank() || query.equals(currentQuery)) {
      throw new IllegalStateException("Credly next_page_url does not advance: " + nextPageUrl);
    }
    return query;
  }
}

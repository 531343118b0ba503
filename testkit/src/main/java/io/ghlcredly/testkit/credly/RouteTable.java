package io.ghlcredly.testkit.credly;

import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One organization's handlers for the {@code /organizations/{org}/...} routes, by method and path
 * pattern. Every organization fills one with the same patterns; the {@link OrganizationRouter}
 * registers each pattern once with the server and picks the table of the organization in the path.
 * Thread-safe: filled while the organization is built, read under the lock afterwards.
 */
final class RouteTable {
  private final Map<Key, Function<EmulatorRequest, EmulatorResponse>> handlers =
      new LinkedHashMap<>();

  /** A route: method and path pattern relative to {@code /v1}, with {@code {org}} in it. */
  record Key(String method, String pattern) {}

  synchronized void route(
      String method, String pattern, Function<EmulatorRequest, EmulatorResponse> handler) {
    if (!pattern.startsWith(OrganizationRouter.ORGANIZATION)) {
      throw new IllegalArgumentException("not an organization route: " + pattern);
    }
    handlers.put(new Key(method, pattern), handler);
  }

  synchronized List<Key> keys() {
    return List.copyOf(handlers.keySet());
  }

  synchronized Optional<Function<EmulatorRequest, EmulatorResponse>> handler(Key key) {
    return Optional.ofNullable(handlers.get(key));
  }
}

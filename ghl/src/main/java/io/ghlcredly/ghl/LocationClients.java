package io.ghlcredly.ghl;

import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.http.RatePriority;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * The client of each location's account, made on first use (as the app's per-location gateways and
 * feeds are) and rated against that location's budget at one priority. Thread-safe.
 */
final class LocationClients {
  private final Function<LocationId, GhlClient> clientFor;
  private final RatePriority priority;
  private final ConcurrentMap<LocationId, GhlClient> clients = new ConcurrentHashMap<>();

  /**
   * @param clientFor the client authorised for a location (an OAuth location token, or the one
   *     Private Integration Token for every location); asked once per location
   */
  LocationClients(Function<LocationId, GhlClient> clientFor, RatePriority priority) {
    this.clientFor = clientFor;
    this.priority = priority;
  }

  GhlClient of(LocationId location) {
    return clients.computeIfAbsent(
        location, key -> clientFor.apply(key).rated(key.value(), priority));
  }
}

package io.ghlcredly.testkit.ghl;

import io.ghlcredly.core.model.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The locations (sub-accounts) of the emulator's one company, in the order they were added, each
 * with its name and its own Private Integration Token: HighLevel gives every location its own PIT
 * (an agency PIT cannot reach location endpoints), so a token says which location a call is served
 * in. Thread-safe (synchronized).
 */
final class EmulatedLocations {
  /** One location: its id, display name and Private Integration Token. */
  record Location(String id, String name, Secret privateToken) {}

  private final Map<String, Location> locations = new LinkedHashMap<>();

  /** Adds a location with a fresh id and token; returns its id. */
  synchronized String add(String name) {
    String id = GhlContactStore.newId();
    locations.put(id, new Location(id, name, Secret.of("pit-" + UUID.randomUUID())));
    return id;
  }

  /** The first location added: the one the emulator's location-less methods use. */
  synchronized String first() {
    return locations.keySet().iterator().next();
  }

  synchronized List<String> ids() {
    return List.copyOf(locations.keySet());
  }

  synchronized boolean contains(String locationId) {
    return locations.containsKey(locationId);
  }

  /**
   * The location.
   *
   * @throws IllegalArgumentException for an id the emulator does not host
   */
  synchronized Location require(String locationId) {
    Location location = locations.get(locationId);
    if (location == null) {
      throw new IllegalArgumentException("no location " + locationId + " in the GHL emulator");
    }
    return location;
  }

  synchronized void rename(String locationId, String name) {
    Location location = require(locationId);
    locations.put(locationId, new Location(locationId, name, location.privateToken()));
  }

  /** The location whose Private Integration Token this {@code Authorization} header carries. */
  synchronized Optional<String> ofPrivateToken(String authorization) {
    byte[] presented = authorization.getBytes(StandardCharsets.UTF_8);
    for (Location location : locations.values()) {
      byte[] expected =
          ("Bearer " + location.privateToken().reveal()).getBytes(StandardCharsets.UTF_8);
      if (MessageDigest.isEqual(expected, presented)) {
        return Optional.of(location.id());
      }
    }
    return Optional.empty();
  }
}

package io.ghlcredly.ghl;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.ghl.api.GetLocationResponse;
import io.ghlcredly.ghl.api.GhlLocation;
import io.ghlcredly.http.JsonCodec;
import java.util.Map;
import java.util.Optional;

/**
 * Reads locations (sub-accounts) with {@code GET /locations/{locationId}} (get-location, scope
 * {@code locations.readonly}) through a {@link GhlClient}, so the scope check, auth, rate budget
 * and error mapping are the ones contact calls get. Give it the location's own client (rated for
 * its budget): a location token or PIT may read only its own location, an agency token any location
 * of its company. Thread-safe.
 */
public final class GhlLocations {
  private final GhlClient client;
  private final JsonCodec json = new JsonCodec();

  public GhlLocations(GhlClient client) {
    this.client = client;
  }

  /**
   * The location's details; empty when HighLevel answers 400 or 404 (no such location).
   *
   * @throws ApiException for any other failure, such as 403 for a location the token cannot reach
   * @throws MissingScopeException before sending, when the token lacks {@code locations.readonly}
   */
  public Optional<GhlLocation> findLocation(LocationId locationId) {
    String body;
    try {
      body =
          client.send(
              GhlEndpoint.GET_LOCATION, Map.of("locationId", locationId.value()), Map.of(), null);
    } catch (ApiException e) {
      if (e.status() == 400 || e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
    return Optional.ofNullable(json.read(body, GetLocationResponse.class).location());
  }

  /** The location's name, as shown in HighLevel; empty when there is no such location or name. */
  public Optional<String> findLocationName(LocationId locationId) {
    return findLocation(locationId).map(GhlLocation::name).filter(name -> !name.isBlank());
  }
}

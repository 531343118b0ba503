package io.ghlcredly.ghl;

import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.ghl.api.CustomFieldsResponse;
import io.ghlcredly.ghl.api.GhlCustomFieldDefinition;
import io.ghlcredly.ghl.api.GhlTag;
import io.ghlcredly.ghl.api.LocationTagsResponse;
import io.ghlcredly.http.JsonCodec;
import java.util.List;
import java.util.Map;

/**
 * What a location offers the rule editor's pickers, read through a {@link GhlClient} (so the scope
 * check, auth, rate budget and error mapping are the ones contact calls get): its tags ({@code GET
 * /locations/{locationId}/tags}, scope {@code locations/tags.readonly}) and its custom fields
 * ({@code GET /locations/{locationId}/customFields}, scope {@code
 * locations/customFields.readonly}). Give it the location's own client. Thread-safe.
 *
 * @see GhlLocations for the location's own details
 */
public final class GhlLocationCatalog {
  private final GhlClient client;
  private final JsonCodec json = new JsonCodec();

  public GhlLocationCatalog(GhlClient client) {
    this.client = client;
  }

  /**
   * The location's tags, in HighLevel's order.
   *
   * @throws io.ghlcredly.core.error.ApiException when HighLevel refuses or fails, such as 403 for a
   *     location the token cannot reach
   * @throws MissingScopeException before sending, when the token lacks {@code
   *     locations/tags.readonly}
   */
  public List<GhlTag> tags(LocationId locationId) {
    String body = client.send(GhlEndpoint.GET_LOCATION_TAGS, path(locationId), Map.of(), null);
    return json.read(body, LocationTagsResponse.class).tags();
  }

  /**
   * The location's contact custom fields ({@code model=contact}), in HighLevel's order.
   *
   * @throws io.ghlcredly.core.error.ApiException when HighLevel refuses or fails
   * @throws MissingScopeException before sending, when the token lacks {@code
   *     locations/customFields.readonly}
   */
  public List<GhlCustomFieldDefinition> customFields(LocationId locationId) {
    String body =
        client.send(
            GhlEndpoint.GET_CUSTOM_FIELDS, path(locationId), Map.of("model", "contact"), null);
    return json.read(body, CustomFieldsResponse.class).customFields();
  }

  private static Map<String, String> path(LocationId locationId) {
    return Map.of("locationId", locationId.value());
  }
}

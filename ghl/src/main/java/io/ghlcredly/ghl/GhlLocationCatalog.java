package io.ghlcredly.ghl;

import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.ghl.api.CampaignListResponse;
import io.ghlcredly.ghl.api.CustomFieldsResponse;
import io.ghlcredly.ghl.api.GhlCampaign;
import io.ghlcredly.ghl.api.GhlCustomFieldDefinition;
import io.ghlcredly.ghl.api.GhlTag;
import io.ghlcredly.ghl.api.GhlUser;
import io.ghlcredly.ghl.api.GhlWorkflow;
import io.ghlcredly.ghl.api.LocationTagsResponse;
import io.ghlcredly.ghl.api.UserListResponse;
import io.ghlcredly.ghl.api.WorkflowListResponse;
import io.ghlcredly.http.JsonCodec;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a location offers the rule editor's pickers, read through a {@link GhlClient} (so the scope
 * check, auth, rate budget and error mapping are the ones contact calls get): its tags ({@code GET
 * /locations/{locationId}/tags}, scope {@code locations/tags.readonly}), its custom fields ({@code
 * GET /locations/{locationId}/customFields}, scope {@code locations/customFields.readonly}), its
 * workflows, campaigns and users. Give it the location's own client: a location's token reads its
 * own location only. Thread-safe.
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

  /**
   * The location's workflows ({@code GET /workflows/}, scope {@code workflows.readonly}), to add a
   * contact to one by name.
   *
   * @throws io.ghlcredly.core.error.ApiException when HighLevel refuses or fails
   * @throws MissingScopeException before sending, when the token lacks the scope
   */
  public List<GhlWorkflow> workflows(LocationId locationId) {
    String body = client.send(GhlEndpoint.GET_WORKFLOWS, Map.of(), query(locationId), null);
    return json.read(body, WorkflowListResponse.class).workflows();
  }

  /**
   * The location's campaigns ({@code GET /campaigns/}, scope {@code campaigns.readonly}).
   *
   * @throws io.ghlcredly.core.error.ApiException when HighLevel refuses or fails
   * @throws MissingScopeException before sending, when the token lacks the scope
   */
  public List<GhlCampaign> campaigns(LocationId locationId) {
    String body = client.send(GhlEndpoint.GET_CAMPAIGNS, Map.of(), query(locationId), null);
    return json.read(body, CampaignListResponse.class).campaigns();
  }

  /**
   * The location's users ({@code GET /users/}, scope {@code users.readonly}), such as who a task is
   * assigned to.
   *
   * @throws io.ghlcredly.core.error.ApiException when HighLevel refuses or fails
   * @throws MissingScopeException before sending, when the token lacks the scope
   */
  public List<GhlUser> users(LocationId locationId) {
    String body = client.send(GhlEndpoint.GET_USERS_BY_LOCATION, Map.of(), query(locationId), null);
    return json.read(body, UserListResponse.class).users();
  }

  private static Map<String, @Nullable String> query(LocationId locationId) {
    return Map.of("locationId", locationId.value());
  }

  private static Map<String, String> path(LocationId locationId) {
    return Map.of("locationId", locationId.value());
  }
}

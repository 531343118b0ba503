package io.ghlcredly.ghl.api;

import java.util.List;

/**
 * Body of {@code GET /locations/{locationId}/customFields} (schema {@code
 * CustomFieldsListSuccessfulResponseDto}).
 */
public record CustomFieldsResponse(List<GhlCustomFieldDefinition> customFields) {
  public CustomFieldsResponse {
    customFields = GhlContactSummary.withoutNulls(customFields);
  }
}

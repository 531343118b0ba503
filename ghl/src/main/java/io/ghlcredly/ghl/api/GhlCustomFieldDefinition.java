package io.ghlcredly.ghl.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A custom field as a location defines it, schema {@code CustomFieldSchema} of apps/locations.json:
 * its id (what a contact's {@code customFields} values name, see {@link GhlCustomField}), name, key
 * such as {@code contact.course_code}, data type such as {@code TEXT}, the options of a picklist
 * and the model ({@code contact} or {@code opportunity}). The rest is ignored.
 */
public record GhlCustomFieldDefinition(
    @Nullable String id,
    @Nullable String name,
    @Nullable String fieldKey,
    @Nullable String dataType,
    List<String> picklistOptions,
    @Nullable String locationId,
    @Nullable String model) {
  public GhlCustomFieldDefinition {
    picklistOptions = GhlContactSummary.withoutNulls(picklistOptions);
  }
}

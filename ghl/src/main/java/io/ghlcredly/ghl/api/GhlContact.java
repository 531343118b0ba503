package io.ghlcredly.ghl.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A contact as {@code GET /contacts/{contactId}} returns it (schema {@code GetContectByIdSchema},
 * sic). Dates are ISO-8601 strings such as {@code 2021-07-02T05:18:26.704Z}, kept as text so a
 * format change never fails the whole read. {@code attachments} is typed as a string in the spec
 * but arrives as an array in webhooks, hence the raw node.
 */
public record GhlContact(
    @Nullable String id,
    @Nullable String name,
    @Nullable String locationId,
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String email,
    @Nullable String emailLowerCase,
    @Nullable String timezone,
    @Nullable String companyName,
    @Nullable String phone,
    @Nullable Boolean dnd,
    @Nullable Map<String, GhlDndSetting> dndSettings,
    @Nullable String type,
    @Nullable String source,
    @Nullable String assignedTo,
    @Nullable String address1,
    @Nullable String city,
    @Nullable String state,
    @Nullable String country,
    @Nullable String postalCode,
    @Nullable String website,
    List<String> tags,
    @Nullable String dateOfBirth,
    @Nullable String dateAdded,
    @Nullable String dateUpdated,
    @Nullable JsonNode attachments,
    @Nullable String ssn,
    @Nullable String keyword,
    @Nullable String firstNameLowerCase,
    @Nullable String fullNameLowerCase,
    @Nullable String lastNameLowerCase,
    @Nullable String lastActivity,
    List<GhlCustomField> customFields,
    @Nullable String businessId,
    @Nullable GhlAttributionSource attributionSource,
    @Nullable GhlAttributionSource lastAttributionSource,
    @Nullable String visitorId) {
  public GhlContact {
    // Copies drop null elements: a stray null in provider JSON must not fail the whole read.
    tags = withoutNulls(tags);
    customFields = withoutNulls(customFields);
    if (dndSettings != null) {
      Map<String, GhlDndSetting> present = new LinkedHashMap<>();
      dndSettings.forEach(
          (channel, setting) -> {
            if (setting != null) {
              present.put(channel, setting);
            }
          });
      dndSettings = Collections.unmodifiableMap(present);
    }
  }

  private static <T> List<T> withoutNulls(@Nullable List<T> values) {
    if (values == null) {
      return List.of();
    }
    return values.stream().filter(Objects::nonNull).toList();
  }
}

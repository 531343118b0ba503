package io.ghlcredly.ghl.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A contact in a list or search result (schema {@code ContactsSearchSchema}). The spec lists only a
 * subset of what HighLevel returns; the names, phone, {@code dateUpdated} and the search cursor
 * {@code searchAfter} are read as well because real answers carry them.
 *
 * @param searchAfter the cursor to pass as {@code searchAfter} to get the results after this one
 *     (search only), such as {@code [1709288130123, "abc"]}
 */
public record GhlContactSummary(
    @Nullable String id,
    @Nullable String locationId,
    @Nullable String email,
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String phone,
    @Nullable String companyName,
    @Nullable String timezone,
    @Nullable String country,
    @Nullable String source,
    @Nullable String type,
    @Nullable String dateAdded,
    @Nullable String dateUpdated,
    List<GhlCustomField> customFields,
    List<String> tags,
    @Nullable String businessId,
    List<GhlAttributionSource> attributions,
    List<String> followers,
    @Nullable JsonNode searchAfter) {
  public GhlContactSummary {
    customFields = withoutNulls(customFields);
    tags = withoutNulls(tags);
    attributions = withoutNulls(attributions);
    followers = withoutNulls(followers);
  }

  static <T> List<T> withoutNulls(@Nullable List<T> values) {
    return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
  }
}

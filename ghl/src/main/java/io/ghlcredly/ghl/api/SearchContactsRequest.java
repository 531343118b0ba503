package io.ghlcredly.ghl.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /contacts/search} ({@code SearchBodyV2DTO}, an empty object in the spec; the
 * fields follow HighLevel's search documentation). Use either {@code page} (at most 10,000 records
 * in all) or {@code searchAfter}, never both.
 *
 * @param pageLimit results per page, 1 to 500
 * @param searchAfter the previous page's last {@link GhlContactSummary#searchAfter()}
 * @param query full-text search, at most 75 characters
 */
public record SearchContactsRequest(
    String locationId,
    int pageLimit,
    @Nullable Integer page,
    @Nullable List<Object> searchAfter,
    @Nullable List<SearchFilter> filters,
    @Nullable List<SearchSort> sort,
    @Nullable String query) {
  /** HighLevel's largest page. */
  public static final int MAX_PAGE_LIMIT = 500;

  public SearchContactsRequest {
    if (pageLimit < 1 || pageLimit > MAX_PAGE_LIMIT) {
      throw new IllegalArgumentException("pageLimit must be 1 to 500: " + pageLimit);
    }
    if (page != null && searchAfter != null) {
      throw new IllegalArgumentException("send page or searchAfter, not both");
    }
    searchAfter = searchAfter == null ? null : List.copyOf(searchAfter);
    filters = filters == null ? null : List.copyOf(filters);
    sort = sort == null ? null : List.copyOf(sort);
  }

  /** Every contact of the location, {@code pageLimit} at a time. */
  public static SearchContactsRequest all(String locationId, int pageLimit) {
    return new SearchContactsRequest(locationId, pageLimit, null, null, null, null, null);
  }

  /** The same search continuing after {@code cursor}. */
  public SearchContactsRequest after(List<Object> cursor) {
    return new SearchContactsRequest(locationId, pageLimit, null, cursor, filters, sort, query);
  }

  /**
   * One filter, such as {@code {field: "tags", operator: "contains", value: "vip"}}.
   *
   * @param operator {@code eq, not_eq, contains, not_contains, exists, not_exists, range}
   */
  public record SearchFilter(String field, String operator, @Nullable Object value) {}

  /**
   * One sort key.
   *
   * @param direction {@code asc} or {@code desc}
   */
  public record SearchSort(String field, String direction) {}
}

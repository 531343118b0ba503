package io.ghlcredly.credly;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * Filter, sort and page of a Credly list call. Filter terms all must match ({@code key::value}
 * joined by {@code |}); sort is {@code key1|-key2} ({@code -} for descending); pages count from 1.
 *
 * @param per page size; Credly's default is 50 and it may ignore the parameter (credly.md §8)
 */
public record ListQuery(
    Map<String, String> filter, @Nullable String sort, int page, @Nullable Integer per) {
  public ListQuery {
    // Keeps the caller's order: the filter text is stable and readable in request logs.
    filter = Collections.unmodifiableMap(new LinkedHashMap<>(filter));
    if (page < 1) {
      throw new IllegalArgumentException("page counts from 1: " + page);
    }
    if (per != null && per < 1) {
      throw new IllegalArgumentException("per must be positive: " + per);
    }
  }

  /** Everything, first page, Credly's order. */
  public static ListQuery all() {
    return new ListQuery(Map.of(), null, 1, null);
  }

  public static ListQuery filtered(Map<String, String> filter) {
    return new ListQuery(filter, null, 1, null);
  }

  public ListQuery sortedBy(String value) {
    return new ListQuery(filter, value, page, per);
  }

  public ListQuery page(int number) {
    return new ListQuery(filter, sort, number, per);
  }

  /** The query string (without {@code ?}); empty when nothing is set. */
  String toQueryString() {
    StringJoiner query = new StringJoiner("&");
    if (!filter.isEmpty()) {
      query.add("filter=" + encode(BadgeFilters.format(filter)));
    }
    if (sort != null && !sort.isBlank()) {
      query.add("sort=" + encode(sort));
    }
    if (page > 1) {
      query.add("page=" + page);
    }
    if (per != null) {
      query.add("per=" + per);
    }
    return query.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

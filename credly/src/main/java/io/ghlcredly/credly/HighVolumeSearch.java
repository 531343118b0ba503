package io.ghlcredly.credly;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * Parameters of the high-volume badge search (credly.md §5e): filter terms and an optional time
 * window ({@code start_date}, {@code end_date} as {@code yyyy-MM-dd HH:mm:ss}; whether Credly
 * compares them with the issue or update time is not documented).
 */
public record HighVolumeSearch(
    Map<String, String> filter,
    @Nullable LocalDateTime startDate,
    @Nullable LocalDateTime endDate) {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  public HighVolumeSearch {
    filter = Collections.unmodifiableMap(new LinkedHashMap<>(filter));
  }

  public static HighVolumeSearch all() {
    return new HighVolumeSearch(Map.of(), null, null);
  }

  String toQueryString() {
    StringJoiner query = new StringJoiner("&");
    if (!filter.isEmpty()) {
      query.add("filter=" + encode(BadgeFilters.format(filter)));
    }
    if (startDate != null) {
      query.add("start_date=" + encode(FORMAT.format(startDate)));
    }
    if (endDate != null) {
      query.add("end_date=" + encode(FORMAT.format(endDate)));
    }
    return query.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

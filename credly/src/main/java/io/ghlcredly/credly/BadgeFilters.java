package io.ghlcredly.credly;

import java.util.Map;
import java.util.StringJoiner;

/**
 * Builds Credly's {@code filter} value, {@code key::value} terms joined by {@code |}. Kept in one
 * place because Credly has announced a newer {@code filter[key]=value} syntax (credly.md §5c).
 */
final class BadgeFilters {
  private BadgeFilters() {}

  /**
   * @throws IllegalArgumentException when a value contains the separators, which would change the
   *     meaning of the filter
   */
  static String format(Map<String, String> terms) {
    StringJoiner joined = new StringJoiner("|");
    terms.forEach(
        (key, value) -> {
          if (value.isBlank() || value.contains("|") || value.contains("::")) {
            throw new IllegalArgumentException("unusable Credly filter value for " + key);
          }
          joined.add(key + "::" + value);
        });
    return joined.toString();
  }
}

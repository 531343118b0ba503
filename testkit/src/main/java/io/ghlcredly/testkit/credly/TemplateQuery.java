package io.ghlcredly.testkit.credly;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Credly's badge-template filter and sort (credly.md §4): {@code state} (comma list), {@code query}
 * and {@code name} (partial, any case), {@code public}; sort by {@code name}, {@code created_at} or
 * {@code badges_count}, {@code -} for descending. Unknown keys are refused so client bugs surface.
 */
final class TemplateQuery {
  private static final Set<String> FILTER_KEYS = Set.of("state", "query", "name", "public");

  private TemplateQuery() {}

  static Predicate<BadgeTemplate> filter(String text) {
    Predicate<BadgeTemplate> all = template -> true;
    if (text.isBlank()) {
      return all;
    }
    for (String term : text.split("\\|", -1)) {
      int separator = term.indexOf("::");
      if (separator <= 0) {
        throw new IllegalArgumentException("Invalid filter term: " + term);
      }
      String key = term.substring(0, separator).trim();
      String value = term.substring(separator + 2).toLowerCase(Locale.ROOT);
      if (!FILTER_KEYS.contains(key)) {
        throw new IllegalArgumentException("Unsupported filter key: " + key);
      }
      all = all.and(term(key, value));
    }
    return all;
  }

  private static Predicate<BadgeTemplate> term(String key, String value) {
    return switch (key) {
      case "state" -> template -> List.of(value.split(",", -1)).contains(template.state());
      case "query", "name" ->
          template -> template.name().toLowerCase(Locale.ROOT).contains(value.replace("\"", ""));
      case "public" -> template -> Boolean.parseBoolean(value);
      default -> template -> false;
    };
  }

  static Comparator<BadgeTemplate> sort(String text, ToLongFunction<BadgeTemplate> badgesCount) {
    Comparator<BadgeTemplate> order = Comparator.comparing(BadgeTemplate::createdAt);
    if (text.isBlank()) {
      return order;
    }
    Comparator<BadgeTemplate> combined = null;
    for (String key : text.split("\\|", -1)) {
      boolean descending = key.startsWith("-");
      Comparator<BadgeTemplate> one =
          switch (descending ? key.substring(1) : key) {
            case "name" -> Comparator.comparing(t -> t.name().toLowerCase(Locale.ROOT));
            case "created_at" -> Comparator.comparing(BadgeTemplate::createdAt);
            case "badges_count" -> Comparator.comparingLong(badgesCount);
            default -> throw new IllegalArgumentException("Unsupported sort key: " + key);
          };
      one = descending ? one.reversed() : one;
      combined = combined == null ? one : combined.thenComparing(one);
    }
    return combined == null ? order : combined;
  }
}

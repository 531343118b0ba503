package io.ghlcredly.testkit.credly;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Credly's issued-badge filter: {@code key::value} terms joined by {@code |}, all of which must
 * match. {@code state} takes a comma list (any of). Unknown keys are refused, so a client that
 * builds a wrong filter fails in tests instead of silently getting every badge.
 */
record BadgeFilter(Map<String, String> terms) {
  static final Set<String> KEYS =
      Set.of(
          "issuer_earner_id",
          "badge_template_id",
          "recipient_email",
          "recipient_email_all",
          "state");

  BadgeFilter {
    terms = Map.copyOf(terms);
  }

  static BadgeFilter none() {
    return new BadgeFilter(Map.of());
  }

  /**
   * Parses the decoded {@code filter} parameter.
   *
   * @throws IllegalArgumentException naming the bad term
   */
  static BadgeFilter parse(String filter) {
    Map<String, String> terms = new LinkedHashMap<>();
    if (filter.isBlank()) {
      return none();
    }
    for (String term : filter.split("\\|", -1)) {
      int separator = term.indexOf("::");
      if (separator <= 0) {
        throw new IllegalArgumentException("Invalid filter term: " + term);
      }
      String key = term.substring(0, separator).trim();
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("Unsupported filter key: " + key);
      }
      terms.put(key, term.substring(separator + 2));
    }
    return new BadgeFilter(terms);
  }

  boolean matches(Badge badge) {
    for (Map.Entry<String, String> term : terms.entrySet()) {
      if (!matches(term.getKey(), term.getValue(), badge)) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(String key, String value, Badge badge) {
    return switch (key) {
      case "issuer_earner_id" -> value.equals(badge.issuerEarnerId());
      case "badge_template_id" -> value.equals(badge.templateId());
      // The emulator knows one address per earner, so "all e-mails" is that one.
      case "recipient_email", "recipient_email_all" ->
          value.equalsIgnoreCase(badge.recipientEmail());
      case "state" ->
          List.of(value.toLowerCase(Locale.ROOT).split(",", -1)).stream()
              .map(String::trim)
              .anyMatch(badge.state()::equals);
      default -> false;
    };
  }
}

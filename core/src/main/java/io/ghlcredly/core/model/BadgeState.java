package io.ghlcredly.core.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a badge stands at the credential provider. Credly's states are {@code pending}, {@code
 * accepted}, {@code rejected}, {@code revoked} and {@code expired}; {@link #DELETED} records that
 * the provider deleted the badge.
 */
public enum BadgeState {
  PENDING,
  ACCEPTED,
  REJECTED,
  REVOKED,
  EXPIRED,
  DELETED;

  /** The state named by the provider's lower-case text, or empty for a name we do not know. */
  public static Optional<BadgeState> parse(String text) {
    for (BadgeState state : values()) {
      if (state.name().equalsIgnoreCase(text.trim())) {
        return Optional.of(state);
      }
    }
    return Optional.empty();
  }

  /** The lower-case name, as stored and as Credly writes it. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

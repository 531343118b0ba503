package io.ghlcredly.testkit.credly;

import java.time.Instant;

/**
 * A badge template held by the emulator.
 *
 * @param state {@code active}, {@code archived} or {@code draft}; only active templates issue
 * @param allowDuplicateBadges when true Credly's duplicate rule does not apply to this template
 */
public record BadgeTemplate(
    String id, String name, String state, boolean allowDuplicateBadges, Instant createdAt) {
  public static final String ACTIVE = "active";
  public static final String ARCHIVED = "archived";

  public BadgeTemplate {
    if (id.isBlank() || name.isBlank()) {
      throw new IllegalArgumentException("template id and name must not be blank");
    }
  }

  public boolean active() {
    return ACTIVE.equals(state);
  }

  BadgeTemplate withState(String newState) {
    return new BadgeTemplate(id, name, newState, allowDuplicateBadges, createdAt);
  }
}

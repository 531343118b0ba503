package io.ghlcredly.testkit.credly;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An organization event the emulator recorded, served at {@code GET .../events/{id}} and announced
 * by webhook.
 *
 * @param type {@code badge.created}, {@code badge.state.changed}, {@code badge.deleted}, or a
 *     {@code badge_template.*} type
 * @param badge the badge as it was right after the change, for badge events
 * @param template the template, for template events
 */
public record CredlyEvent(
    String id,
    String type,
    Instant occurredAt,
    @Nullable Badge badge,
    @Nullable BadgeTemplate template) {
  public static final String BADGE_CREATED = "badge.created";
  public static final String BADGE_STATE_CHANGED = "badge.state.changed";
  public static final String BADGE_DELETED = "badge.deleted";
  public static final String TEMPLATE_CHANGED = "badge_template.changed";
}

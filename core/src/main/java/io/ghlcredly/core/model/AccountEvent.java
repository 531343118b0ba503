package io.ghlcredly.core.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened to the app's installation in HighLevel (a location or an agency). These
 * events concern no contact, so they bypass the per-contact inbox. Closed set, handled
 * exhaustively. HighLevel may leave out the company (installs via future locations) or the location
 * (agency-level events); at least one of the two is present.
 */
public sealed interface AccountEvent {
  EventId eventId();

  /** The location the app was installed in or removed from; null for agency-level events. */
  @Nullable LocationId locationId();

  /** The agency (company) id; null when HighLevel did not send it. */
  @Nullable String companyId();

  /** When the source says it happened. */
  Instant occurredAt();

  /** The app was installed. */
  record AppInstalled(
      EventId eventId,
      @Nullable LocationId locationId,
      @Nullable String companyId,
      Instant occurredAt)
      implements AccountEvent {
    public AppInstalled {
      requireAccount(locationId, companyId);
    }
  }

  /** The app was uninstalled: its tokens no longer work. */
  record AppUninstalled(
      EventId eventId,
      @Nullable LocationId locationId,
      @Nullable String companyId,
      Instant occurredAt)
      implements AccountEvent {
    public AppUninstalled {
      requireAccount(locationId, companyId);
    }
  }

  private static void requireAccount(@Nullable LocationId locationId, @Nullable String companyId) {
    if (locationId == null && (companyId == null || companyId.isBlank())) {
      throw new IllegalArgumentException("an account event needs a locationId or a companyId");
    }
  }
}

package io.ghlcredly.core.port;

import io.ghlcredly.core.model.AccountEvent;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.port.TokenStore.AccountKey;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The app install and uninstall webhooks handled so far, kept durably by their {@code webhookId}. A
 * signed delivery can be replayed as long as its timestamp is fresh, and deliveries can arrive out
 * of order, so whoever applies them records each one here and consults the record: an id recorded
 * before is a replay and changes nothing, and an event older than the latest opposite one is stale.
 *
 * <p>An event names a location, or only a company (an agency-level event). One that names a
 * location <em>covers</em> that location's account; an agency-level one covers the company's
 * account and those of its locations. Thread-safe.
 */
public interface AccountEventLog {
  /** Whether an event with this id was recorded. */
  boolean contains(EventId eventId);

  /**
   * Records an event that was handled.
   *
   * @param applied false when it was ignored as stale; stale events do not count for {@link
   *     #latestInstall} and {@link #latestUninstall}
   * @return false when an event with the same id was recorded already (the record stays as it was)
   */
  boolean record(AccountEvent event, boolean applied, Instant receivedAt);

  /**
   * When the latest applied install that covers the account happened.
   *
   * @param companyId the company the account belongs to, when known (a location account is also
   *     covered by its company's agency-level events)
   */
  Optional<Instant> latestInstall(AccountKey account, @Nullable String companyId);

  /** When the latest applied uninstall that covers the account happened (see above). */
  Optional<Instant> latestUninstall(AccountKey account, @Nullable String companyId);
}

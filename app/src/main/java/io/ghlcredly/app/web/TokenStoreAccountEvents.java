package io.ghlcredly.app.web;

import io.ghlcredly.core.model.AccountEvent;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.port.AccountEventLog;
import io.ghlcredly.core.port.AccountEvents;
import io.ghlcredly.core.port.TokenStore;
import io.ghlcredly.core.port.TokenStore.AccountKey;
import io.ghlcredly.core.port.TokenStore.AccountSummary;
import io.ghlcredly.core.port.TokenStore.AccountType;
import io.ghlcredly.core.port.TokenStore.StoredTokens;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies app installs and uninstalls to the OAuth accounts. An uninstall revokes the tokens, so
 * the account is marked disconnected (not deleted: an operator sees why syncing stopped, and a new
 * install replaces it). An agency-level uninstall also disconnects the location accounts whose
 * tokens came from that agency. Installs are only logged: tokens arrive through the OAuth install
 * flow, not the webhook.
 *
 * <p>A signed webhook can be replayed while its timestamp is fresh, and deliveries can arrive out
 * of order, so every event is recorded in the {@link AccountEventLog} by its {@code webhookId}: an
 * id seen before changes nothing ({@link Outcome#DUPLICATE}). Events are ordered by their time: an
 * uninstall older than the latest install covering the account, or than the account's latest
 * connection (its OAuth install, {@code statusSince} while connected), leaves the account alone,
 * and an install older than a later uninstall is ignored ({@link Outcome#STALE}, logged). The event
 * is recorded after it was applied, so one whose application failed is applied again when HighLevel
 * redelivers it (applying is idempotent). Thread-safe.
 */
public final class TokenStoreAccountEvents implements AccountEvents {
  static final String UNINSTALLED_REASON = "app uninstalled in HighLevel; install it again";
  private static final Logger log = LoggerFactory.getLogger(TokenStoreAccountEvents.class);

  private final TokenStore tokens;
  private final AccountEventLog seen;
  private final InstantSource clock;

  public TokenStoreAccountEvents(TokenStore tokens, AccountEventLog seen, InstantSource clock) {
    this.tokens = tokens;
    this.seen = seen;
    this.clock = clock;
  }

  @Override
  public Outcome accept(AccountEvent event) {
    if (seen.contains(event.eventId())) {
      log.atInfo()
          .addKeyValue("eventId", event.eventId())
          .addKeyValue("event", event.getClass().getSimpleName())
          .log("app account event seen before (a redelivery or a replay); ignored");
      return Outcome.DUPLICATE;
    }
    Outcome outcome =
        switch (event) {
          case AccountEvent.AppInstalled installed -> install(installed);
          case AccountEvent.AppUninstalled uninstalled -> uninstall(uninstalled);
        };
    seen.record(event, outcome == Outcome.APPLIED, clock.instant());
    return outcome;
  }

  private Outcome install(AccountEvent.AppInstalled installed) {
    Optional<Instant> uninstalled = seen.latestUninstall(subject(installed), installed.companyId());
    if (uninstalled.isPresent() && installed.occurredAt().isBefore(uninstalled.get())) {
      return stale(installed, uninstalled.get());
    }
    log.atInfo()
        .addKeyValue("eventId", installed.eventId())
        .addKeyValue("locationId", installed.locationId())
        .addKeyValue("companyId", installed.companyId())
        .log("app installed in HighLevel");
    return Outcome.APPLIED;
  }

  private Outcome uninstall(AccountEvent.AppUninstalled uninstalled) {
    Optional<Instant> installed = seen.latestInstall(subject(uninstalled), uninstalled.companyId());
    if (installed.isPresent() && uninstalled.occurredAt().isBefore(installed.get())) {
      return stale(uninstalled, installed.get());
    }
    List<AccountSummary> accounts = affected(uninstalled.locationId(), uninstalled.companyId());
    List<Instant> reinstalls = new ArrayList<>();
    for (AccountSummary account : accounts) {
      reinstalledAfter(account, uninstalled).ifPresent(reinstalls::add);
    }
    if (!accounts.isEmpty() && reinstalls.size() == accounts.size()) {
      return stale(uninstalled, Collections.max(reinstalls));
    }
    log.atInfo()
        .addKeyValue("eventId", uninstalled.eventId())
        .addKeyValue("locationId", uninstalled.locationId())
        .addKeyValue("companyId", uninstalled.companyId())
        .addKeyValue("accounts", accounts.size() - reinstalls.size())
        .addKeyValue("keptReinstalled", reinstalls.size())
        .log("app uninstalled in HighLevel; accounts disconnected");
    return Outcome.APPLIED;
  }

  /**
   * Disconnects the account, unless it was installed again (by webhook or through OAuth) after the
   * uninstall: then it is left alone and the answer is when. Empty when it was disconnected (or is
   * gone). Runs under the account's lock, so a concurrent OAuth install is seen here or comes
   * after.
   */
  private Optional<Instant> reinstalledAfter(
      AccountSummary account, AccountEvent.AppUninstalled uninstalled) {
    Instant at = uninstalled.occurredAt();
    Optional<Instant> installed = seen.latestInstall(account.key(), account.companyId());
    if (installed.isPresent() && at.isBefore(installed.get())) {
      return installed;
    }
    return tokens.withLockedAccount(
        account.key(),
        locked -> {
          Optional<StoredTokens> current = locked.current();
          if (current.isEmpty()) {
            return Optional.empty();
          }
          if (current.get().connected() && at.isBefore(current.get().statusSince())) {
            return Optional.of(current.get().statusSince());
          }
          locked.markDisconnected(UNINSTALLED_REASON);
          return Optional.empty();
        });
  }

  private static Outcome stale(AccountEvent event, Instant newerAt) {
    log.atWarn()
        .addKeyValue("eventId", event.eventId())
        .addKeyValue("event", event.getClass().getSimpleName())
        .addKeyValue("locationId", event.locationId())
        .addKeyValue("companyId", event.companyId())
        .addKeyValue("occurredAt", event.occurredAt())
        .addKeyValue("newerAt", newerAt)
        .log("app account event older than a later one of the opposite kind; ignored");
    return Outcome.STALE;
  }

  /** The account an event names: its location's, or for an agency-level event its company's. */
  private static AccountKey subject(AccountEvent event) {
    LocationId location = event.locationId();
    return location != null
        ? AccountKey.location(location.value())
        // AccountEvent guarantees a company when there is no location.
        : AccountKey.company(Objects.requireNonNull(event.companyId(), "companyId"));
  }

  private List<AccountSummary> affected(@Nullable LocationId location, @Nullable String companyId) {
    return tokens.listAccounts().stream()
        .filter(account -> touches(account, location, companyId))
        .toList();
  }

  /** A location uninstall touches that location only, even when the company is named too. */
  private static boolean touches(
      AccountSummary account, @Nullable LocationId location, @Nullable String companyId) {
    if (location != null) {
      return account.key().equals(AccountKey.location(location.value()));
    }
    return companyId != null
        && (account.key().equals(AccountKey.company(companyId))
            || (account.key().type() == AccountType.LOCATION
                && companyId.equals(account.companyId())));
  }
}

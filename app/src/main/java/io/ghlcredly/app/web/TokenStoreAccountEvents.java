package io.ghlcredly.app.web;

import io.ghlcredly.core.model.AccountEvent;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.port.AccountEvents;
import io.ghlcredly.core.port.TokenStore;
import io.ghlcredly.core.port.TokenStore.AccountKey;
import io.ghlcredly.core.port.TokenStore.AccountType;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies app installs and uninstalls to the OAuth accounts. An uninstall revokes the tokens, so
 * the account is marked disconnected (not deleted: an operator sees why syncing stopped, and a new
 * install replaces it). An agency-level uninstall also disconnects the location accounts whose
 * tokens came from that agency. Installs are only logged: tokens arrive through the OAuth install
 * flow, not the webhook. Thread-safe.
 */
public final class TokenStoreAccountEvents implements AccountEvents {
  static final String UNINSTALLED_REASON = "app uninstalled in HighLevel; install it again";
  private static final Logger log = LoggerFactory.getLogger(TokenStoreAccountEvents.class);

  private final TokenStore tokens;

  public TokenStoreAccountEvents(TokenStore tokens) {
    this.tokens = tokens;
  }

  @Override
  public void accept(AccountEvent event) {
    switch (event) {
      case AccountEvent.AppInstalled installed ->
          log.atInfo()
              .addKeyValue("eventId", installed.eventId())
              .addKeyValue("locationId", installed.locationId())
              .addKeyValue("companyId", installed.companyId())
              .log("app installed in HighLevel");
      case AccountEvent.AppUninstalled uninstalled -> disconnect(uninstalled);
    }
  }

  private void disconnect(AccountEvent.AppUninstalled uninstalled) {
    List<AccountKey> keys = affected(uninstalled.locationId(), uninstalled.companyId());
    for (AccountKey key : keys) {
      tokens.markDisconnected(key, UNINSTALLED_REASON);
    }
    log.atInfo()
        .addKeyValue("eventId", uninstalled.eventId())
        .addKeyValue("locationId", uninstalled.locationId())
        .addKeyValue("companyId", uninstalled.companyId())
        .addKeyValue("accounts", keys.size())
        .log("app uninstalled in HighLevel; accounts disconnected");
  }

  /** A location uninstall touches that location only, even when the company is named too. */
  private List<AccountKey> affected(@Nullable LocationId location, @Nullable String companyId) {
    if (location != null) {
      return List.of(AccountKey.location(location.value()));
    }
    List<AccountKey> keys = new ArrayList<>();
    if (companyId != null) {
      keys.add(AccountKey.company(companyId));
      for (TokenStore.AccountSummary account : tokens.listAccounts()) {
        if (account.key().type() == AccountType.LOCATION && companyId.equals(account.companyId())) {
          keys.add(account.key());
        }
      }
    }
    return keys;
  }
}

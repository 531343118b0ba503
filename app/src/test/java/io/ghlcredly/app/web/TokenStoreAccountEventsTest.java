package io.ghlcredly.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.model.AccountEvent;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.port.TokenStore;
import io.ghlcredly.core.port.TokenStore.AccountKey;
import io.ghlcredly.core.port.TokenStore.AccountStatus;
import io.ghlcredly.core.port.TokenStore.AccountSummary;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TokenStoreAccountEventsTest {
  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
  private static final EventId ID = new EventId("w-1");

  private final Accounts tokens = new Accounts();
  private final TokenStoreAccountEvents events = new TokenStoreAccountEvents(tokens);

  @Test
  void marksTheLocationAccountDisconnectedWhenTheAppIsUninstalledThere() {
    tokens.add(AccountKey.location("loc-1"), "agency-1");
    tokens.add(AccountKey.location("loc-2"), "agency-1");

    events.accept(new AccountEvent.AppUninstalled(ID, new LocationId("loc-1"), null, AT));

    assertThat(tokens.status(AccountKey.location("loc-1"))).isEqualTo(AccountStatus.DISCONNECTED);
    assertThat(tokens.reasons.get(AccountKey.location("loc-1")))
        .isEqualTo(TokenStoreAccountEvents.UNINSTALLED_REASON);
    assertThat(tokens.status(AccountKey.location("loc-2"))).isEqualTo(AccountStatus.CONNECTED);
  }

  @Test
  void disconnectsTheAgencyAndItsLocationsWhenUninstalledAtAgencyLevel() {
    tokens.add(AccountKey.company("agency-1"), "agency-1");
    tokens.add(AccountKey.location("loc-1"), "agency-1");
    tokens.add(AccountKey.location("other"), "agency-2");

    events.accept(new AccountEvent.AppUninstalled(ID, null, "agency-1", AT));

    assertThat(tokens.status(AccountKey.company("agency-1"))).isEqualTo(AccountStatus.DISCONNECTED);
    assertThat(tokens.status(AccountKey.location("loc-1"))).isEqualTo(AccountStatus.DISCONNECTED);
    assertThat(tokens.status(AccountKey.location("other"))).isEqualTo(AccountStatus.CONNECTED);
  }

  @Test
  void leavesAccountsAloneOnInstall() {
    tokens.add(AccountKey.location("loc-1"), "agency-1");

    events.accept(new AccountEvent.AppInstalled(ID, new LocationId("loc-1"), "agency-1", AT));

    assertThat(tokens.status(AccountKey.location("loc-1"))).isEqualTo(AccountStatus.CONNECTED);
  }

  /** Only what the account events use; the rest is not needed here. */
  private static final class Accounts implements TokenStore {
    final Map<AccountKey, AccountSummary> accounts = new LinkedHashMap<>();
    final Map<AccountKey, String> reasons = new LinkedHashMap<>();

    void add(AccountKey key, String companyId) {
      accounts.put(
          key,
          new AccountSummary(key, companyId, Set.of(), AT, AccountStatus.CONNECTED, null, AT, 1));
    }

    AccountStatus status(AccountKey key) {
      return reasons.containsKey(key) ? AccountStatus.DISCONNECTED : AccountStatus.CONNECTED;
    }

    @Override
    public void markDisconnected(AccountKey key, String reason) {
      if (accounts.containsKey(key)) {
        reasons.put(key, reason);
      }
    }

    @Override
    public List<AccountSummary> listAccounts() {
      return List.copyOf(accounts.values());
    }

    @Override
    public void saveInstalled(AccountKey key, TokenSet tokens, @Nullable String companyId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<StoredTokens> find(AccountKey key) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <T> T withLockedAccount(AccountKey key, Function<LockedAccount, T> work) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean delete(AccountKey key) {
      throw new UnsupportedOperationException();
    }
  }
}

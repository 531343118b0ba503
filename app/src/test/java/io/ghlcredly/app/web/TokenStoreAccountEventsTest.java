package io.ghlcredly.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.model.AccountEvent;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.core.port.AccountEventLog;
import io.ghlcredly.core.port.AccountEvents.Outcome;
import io.ghlcredly.core.port.TokenStore;
import io.ghlcredly.core.port.TokenStore.AccountKey;
import io.ghlcredly.core.port.TokenStore.AccountStatus;
import io.ghlcredly.core.port.TokenStore.AccountSummary;
import io.ghlcredly.core.port.TokenStore.AccountType;
import io.ghlcredly.testkit.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TokenStoreAccountEventsTest {
  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
  private static final AccountKey LOC_1 = AccountKey.location("loc-1");

  private final MutableClock clock = MutableClock.at(AT);
  private final Accounts tokens = new Accounts(clock);
  private final SeenEvents seen = new SeenEvents();
  private final TokenStoreAccountEvents events = new TokenStoreAccountEvents(tokens, seen, clock);

  private static AccountEvent.AppUninstalled uninstall(String id, String location, Instant at) {
    return new AccountEvent.AppUninstalled(new EventId(id), new LocationId(location), null, at);
  }

  private static AccountEvent.AppInstalled install(String id, String location, Instant at) {
    return new AccountEvent.AppInstalled(new EventId(id), new LocationId(location), "agency-1", at);
  }

  @Test
  void marksTheLocationAccountDisconnectedWhenTheAppIsUninstalledThere() {
    tokens.add(LOC_1, "agency-1");
    tokens.add(AccountKey.location("loc-2"), "agency-1");
    clock.advance(Duration.ofMinutes(1));

    assertThat(events.accept(uninstall("w-1", "loc-1", clock.instant())))
        .isEqualTo(Outcome.APPLIED);

    assertThat(tokens.status(LOC_1)).isEqualTo(AccountStatus.DISCONNECTED);
    assertThat(tokens.reason(LOC_1)).isEqualTo(TokenStoreAccountEvents.UNINSTALLED_REASON);
    assertThat(tokens.status(AccountKey.location("loc-2"))).isEqualTo(AccountStatus.CONNECTED);
  }

  @Test
  void disconnectsTheAgencyAndItsLocationsWhenUninstalledAtAgencyLevel() {
    tokens.add(AccountKey.company("agency-1"), "agency-1");
    tokens.add(LOC_1, "agency-1");
    tokens.add(AccountKey.location("other"), "agency-2");
    clock.advance(Duration.ofMinutes(1));

    events.accept(
        new AccountEvent.AppUninstalled(new EventId("w-1"), null, "agency-1", clock.instant()));

    assertThat(tokens.status(AccountKey.company("agency-1"))).isEqualTo(AccountStatus.DISCONNECTED);
    assertThat(tokens.status(LOC_1)).isEqualTo(AccountStatus.DISCONNECTED);
    assertThat(tokens.status(AccountKey.location("other"))).isEqualTo(AccountStatus.CONNECTED);
  }

  @Test
  void leavesAccountsAloneOnInstall() {
    tokens.add(LOC_1, "agency-1");

    assertThat(events.accept(install("w-1", "loc-1", AT))).isEqualTo(Outcome.APPLIED);

    assertThat(tokens.status(LOC_1)).isEqualTo(AccountStatus.CONNECTED);
  }

  @Test
  void aReplayedUninstallAfterAReinstallLeavesTheAccountConnected() {
    tokens.add(LOC_1, "agency-1");
    clock.advance(Duration.ofMinutes(1));
    AccountEvent.AppUninstalled uninstalled = uninstall("w-1", "loc-1", clock.instant());
    events.accept(uninstalled);
    clock.advance(Duration.ofMinutes(1));
    tokens.reinstall(LOC_1);

    assertThat(events.accept(uninstalled)).isEqualTo(Outcome.DUPLICATE);

    assertThat(tokens.status(LOC_1)).isEqualTo(AccountStatus.CONNECTED);
  }

  @Test
  void anUninstallOlderThanTheLatestOAuthInstallIsIgnored() {
    tokens.add(LOC_1, "agency-1");
    clock.advance(Duration.ofMinutes(2));
    tokens.reinstall(LOC_1);

    // Sent before the reinstall, delivered after it (a replay under a forged id cannot be
    // told apart from a late delivery, and ends the same).
    assertThat(events.accept(uninstall("w-late", "loc-1", AT.plus(Duration.ofMinutes(1)))))
        .isEqualTo(Outcome.STALE);

    assertThat(tokens.status(LOC_1)).isEqualTo(AccountStatus.CONNECTED);
  }

  @Test
  void anUninstallDeliveredAfterALaterInstallIsIgnored() {
    tokens.add(LOC_1, "agency-1");
    Instant uninstalledAt = AT.plus(Duration.ofMinutes(1));
    Instant installedAt = AT.plus(Duration.ofMinutes(2));
    clock.advance(Duration.ofMinutes(3));

    events.accept(install("w-install", "loc-1", installedAt));
    assertThat(events.accept(uninstall("w-uninstall", "loc-1", uninstalledAt)))
        .isEqualTo(Outcome.STALE);

    assertThat(tokens.status(LOC_1)).isEqualTo(AccountStatus.CONNECTED);
    assertThat(seen.applied)
        .extracting(event -> event.eventId().value())
        .containsExactly("w-install");
  }

  @Test
  void anInstallDeliveredAfterALaterUninstallIsIgnored() {
    tokens.add(LOC_1, "agency-1");
    Instant installedAt = AT.plus(Duration.ofMinutes(1));
    Instant uninstalledAt = AT.plus(Duration.ofMinutes(2));
    clock.advance(Duration.ofMinutes(3));

    events.accept(uninstall("w-uninstall", "loc-1", uninstalledAt));
    assertThat(events.accept(install("w-install", "loc-1", installedAt))).isEqualTo(Outcome.STALE);

    assertThat(tokens.status(LOC_1)).isEqualTo(AccountStatus.DISCONNECTED);
    assertThat(seen.recorded).hasSize(2);
    assertThat(seen.applied)
        .extracting(event -> event.eventId().value())
        .containsExactly("w-uninstall");
  }

  @Test
  void anAgencyUninstallSparesALocationInstalledAgainAfterIt() {
    tokens.add(AccountKey.company("agency-1"), "agency-1");
    tokens.add(LOC_1, "agency-1");
    clock.advance(Duration.ofMinutes(2));
    tokens.reinstall(LOC_1);

    assertThat(
            events.accept(
                new AccountEvent.AppUninstalled(
                    new EventId("w-agency"), null, "agency-1", AT.plus(Duration.ofMinutes(1)))))
        .isEqualTo(Outcome.APPLIED);

    assertThat(tokens.status(AccountKey.company("agency-1"))).isEqualTo(AccountStatus.DISCONNECTED);
    assertThat(tokens.status(LOC_1)).isEqualTo(AccountStatus.CONNECTED);
  }

  /** The log in memory, with the covering rules of {@link AccountEventLog}. */
  private static final class SeenEvents implements AccountEventLog {
    final List<AccountEvent> recorded = new ArrayList<>();
    final List<AccountEvent> applied = new ArrayList<>();

    @Override
    public boolean contains(EventId eventId) {
      return recorded.stream().anyMatch(event -> event.eventId().equals(eventId));
    }

    @Override
    public boolean record(AccountEvent event, boolean wasApplied, Instant receivedAt) {
      if (contains(event.eventId())) {
        return false;
      }
      recorded.add(event);
      if (wasApplied) {
        applied.add(event);
      }
      return true;
    }

    @Override
    public Optional<Instant> latestInstall(AccountKey account, @Nullable String companyId) {
      return latest(AccountEvent.AppInstalled.class, account, companyId);
    }

    @Override
    public Optional<Instant> latestUninstall(AccountKey account, @Nullable String companyId) {
      return latest(AccountEvent.AppUninstalled.class, account, companyId);
    }

    private Optional<Instant> latest(
        Class<? extends AccountEvent> kind, AccountKey account, @Nullable String companyId) {
      return applied.stream()
          .filter(kind::isInstance)
          .filter(event -> covers(event, account, companyId))
          .map(AccountEvent::occurredAt)
          .max(Instant::compareTo);
    }

    private static boolean covers(
        AccountEvent event, AccountKey account, @Nullable String companyId) {
      LocationId location = event.locationId();
      if (location == null) {
        String company = account.type() == AccountType.COMPANY ? account.id() : companyId;
        return Objects.equals(event.companyId(), company);
      }
      return account.type() == AccountType.LOCATION && location.value().equals(account.id());
    }
  }

  /** Accounts in memory; installs and disconnects move {@code statusSince} as the real store. */
  private static final class Accounts implements TokenStore {
    private final Map<AccountKey, StoredTokens> accounts = new LinkedHashMap<>();
    private final InstantSource clock;

    Accounts(InstantSource clock) {
      this.clock = clock;
    }

    void add(AccountKey key, String companyId) {
      saveInstalled(
          key,
          new TokenSet(Secret.of("access"), null, AT.plus(Duration.ofDays(1)), Set.of()),
          companyId);
    }

    void reinstall(AccountKey key) {
      StoredTokens old = Objects.requireNonNull(accounts.get(key));
      saveInstalled(key, old.tokens(), old.companyId());
    }

    AccountStatus status(AccountKey key) {
      return Objects.requireNonNull(accounts.get(key)).status();
    }

    @Nullable String reason(AccountKey key) {
      return Objects.requireNonNull(accounts.get(key)).statusReason();
    }

    @Override
    public void saveInstalled(AccountKey key, TokenSet tokens, @Nullable String companyId) {
      StoredTokens old = accounts.get(key);
      accounts.put(
          key,
          new StoredTokens(
              key,
              tokens,
              companyId,
              AccountStatus.CONNECTED,
              null,
              clock.instant(),
              old == null ? 1 : old.version() + 1));
    }

    @Override
    public Optional<StoredTokens> find(AccountKey key) {
      return Optional.ofNullable(accounts.get(key));
    }

    @Override
    public <T> T withLockedAccount(AccountKey key, Function<LockedAccount, T> work) {
      return work.apply(
          new LockedAccount() {
            @Override
            public Optional<StoredTokens> current() {
              return find(key);
            }

            @Override
            public void replaceTokens(TokenSet tokens) {
              throw new UnsupportedOperationException();
            }

            @Override
            public void markDisconnected(String reason) {
              Accounts.this.markDisconnected(key, reason);
            }
          });
    }

    @Override
    public void markDisconnected(AccountKey key, String reason) {
      StoredTokens old = accounts.get(key);
      if (old != null) {
        accounts.put(
            key,
            new StoredTokens(
                key,
                old.tokens(),
                old.companyId(),
                AccountStatus.DISCONNECTED,
                reason,
                old.connected() ? clock.instant() : old.statusSince(),
                old.version() + 1));
      }
    }

    @Override
    public List<AccountSummary> listAccounts() {
      return accounts.values().stream()
          .map(
              stored ->
                  new AccountSummary(
                      stored.key(),
                      stored.companyId(),
                      stored.grantedScopes(),
                      stored.expiresAt(),
                      stored.status(),
                      stored.statusReason(),
                      stored.statusSince(),
                      stored.version()))
          .toList();
    }

    @Override
    public boolean delete(AccountKey key) {
      return accounts.remove(key) != null;
    }
  }
}

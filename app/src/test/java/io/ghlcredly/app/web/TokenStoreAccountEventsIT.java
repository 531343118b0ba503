package io.ghlcredly.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.model.AccountEvent;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.core.port.AccountEvents.Outcome;
import io.ghlcredly.core.port.TokenStore.AccountKey;
import io.ghlcredly.core.port.TokenStore.TokenSet;
import io.ghlcredly.storage.Database;
import io.ghlcredly.storage.JdbcAccountEventLog;
import io.ghlcredly.storage.JdbcTokenStore;
import io.ghlcredly.storage.SecretCipher;
import io.ghlcredly.storage.TestDatabases;
import io.ghlcredly.testkit.time.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * App installs and uninstalls on the real stores, H2 and PostgreSQL: replays and deliveries out of
 * order end in the state the latest event says.
 */
class TokenStoreAccountEventsIT {
  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
  private static final AccountKey LOCATION = AccountKey.location("loc-1");

  @TempDir Path folder;
  private @Nullable Database database;
  private final MutableClock clock = MutableClock.at(AT);

  /** The real stores on one database, and the events applied to them. */
  private record Stores(JdbcTokenStore tokens, TokenStoreAccountEvents events) {}

  private Stores open(String kind) {
    Database opened = kind.equals("h2") ? TestDatabases.h2(folder) : TestDatabases.postgres();
    database = opened;
    JdbcTokenStore tokens = new JdbcTokenStore(opened, SecretCipher.generate(), clock);
    return new Stores(
        tokens, new TokenStoreAccountEvents(tokens, new JdbcAccountEventLog(opened), clock));
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  private void installThroughOAuth(JdbcTokenStore tokens) {
    tokens.saveInstalled(
        LOCATION,
        new TokenSet(
            Secret.of("access"),
            Secret.of("refresh"),
            clock.instant().plusSeconds(86400),
            Set.of()),
        "agency-1");
  }

  private static boolean connected(JdbcTokenStore tokens) {
    return tokens.find(LOCATION).orElseThrow().connected();
  }

  private static AccountEvent.AppUninstalled uninstall(String id, Instant at) {
    return new AccountEvent.AppUninstalled(new EventId(id), new LocationId("loc-1"), null, at);
  }

  private static AccountEvent.AppInstalled install(String id, Instant at) {
    return new AccountEvent.AppInstalled(new EventId(id), new LocationId("loc-1"), "agency-1", at);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void aReplayedUninstallAfterAReinstallLeavesTheAccountConnected(String kind) {
    Stores stores = open(kind);
    TokenStoreAccountEvents events = stores.events();
    installThroughOAuth(stores.tokens());
    clock.advance(Duration.ofMinutes(1));
    AccountEvent.AppUninstalled uninstalled = uninstall("w-uninstall", clock.instant());
    assertThat(events.accept(uninstalled)).isEqualTo(Outcome.APPLIED);
    assertThat(connected(stores.tokens())).isFalse();
    clock.advance(Duration.ofMinutes(1));
    installThroughOAuth(stores.tokens());

    assertThat(events.accept(uninstalled)).isEqualTo(Outcome.DUPLICATE);
    assertThat(events.accept(uninstall("w-renamed", uninstalled.occurredAt())))
        .isEqualTo(Outcome.STALE);

    assertThat(connected(stores.tokens())).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void anOlderUninstallDeliveredLateLeavesTheAccountConnected(String kind) {
    Stores stores = open(kind);
    TokenStoreAccountEvents events = stores.events();
    installThroughOAuth(stores.tokens());
    Instant uninstalledAt = AT.plus(Duration.ofMinutes(1));
    Instant installedAt = AT.plus(Duration.ofMinutes(2));
    clock.advance(Duration.ofMinutes(3));

    assertThat(events.accept(install("w-install", installedAt))).isEqualTo(Outcome.APPLIED);
    assertThat(events.accept(uninstall("w-uninstall", uninstalledAt))).isEqualTo(Outcome.STALE);

    assertThat(connected(stores.tokens())).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void anOlderInstallDeliveredLateLeavesTheAccountDisconnected(String kind) {
    Stores stores = open(kind);
    TokenStoreAccountEvents events = stores.events();
    installThroughOAuth(stores.tokens());
    Instant installedAt = AT.plus(Duration.ofMinutes(1));
    Instant uninstalledAt = AT.plus(Duration.ofMinutes(2));
    clock.advance(Duration.ofMinutes(3));

    assertThat(events.accept(uninstall("w-uninstall", uninstalledAt))).isEqualTo(Outcome.APPLIED);
    assertThat(events.accept(install("w-install", installedAt))).isEqualTo(Outcome.STALE);

    assertThat(connected(stores.tokens())).isFalse();
    // The stale install does not shield the account from an uninstall between the two.
    assertThat(events.accept(uninstall("w-between", installedAt.plusSeconds(30))))
        .isEqualTo(Outcome.APPLIED);
  }
}

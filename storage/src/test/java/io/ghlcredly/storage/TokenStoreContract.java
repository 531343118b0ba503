package io.ghlcredly.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ghlcredly.core.model.Secret;
import io.ghlcredly.core.port.TokenStore.AccountKey;
import io.ghlcredly.core.port.TokenStore.AccountStatus;
import io.ghlcredly.core.port.TokenStore.AccountSummary;
import io.ghlcredly.core.port.TokenStore.StoredTokens;
import io.ghlcredly.core.port.TokenStore.TokenSet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link JdbcTokenStore} must do, on each database. */
public abstract class TokenStoreContract extends StoreFixture {
  private static final Instant NOW = Instant.parse("2026-05-05T05:05:05.505Z");
  private static final AccountKey LOCATION = AccountKey.location("loc-1");
  private static final AccountKey COMPANY = AccountKey.company("co-1");
  private static final String ACCESS = "access-token-9d2c71";
  private static final String REFRESH = "refresh-token-4b8e02";

  private final SecretCipher cipher = SecretCipher.generate();
  private JdbcTokenStore store;
  private JdbcOAuthStateStore states;

  @BeforeEach
  void createStore() {
    store = new JdbcTokenStore(database, cipher, InstantSource.fixed(NOW));
    states = new JdbcOAuthStateStore(database);
  }

  @Test
  void returnsTheInstalledTokensWithTheirScopes() {
    store.saveInstalled(LOCATION, tokens(ACCESS, REFRESH), "co-1");

    StoredTokens stored = store.find(LOCATION).orElseThrow();
    assertThat(stored.accessToken().reveal()).isEqualTo(ACCESS);
    assertThat(stored.tokens().refreshToken()).isEqualTo(Secret.of(REFRESH));
    assertThat(stored.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(1)));
    assertThat(stored.grantedScopes())
        .containsExactlyInAnyOrder("contacts.readonly", "contacts.write");
    assertThat(stored.companyId()).isEqualTo("co-1");
    assertThat(stored.status()).isEqualTo(AccountStatus.CONNECTED);
    assertThat(stored.version()).isEqualTo(1);
    assertThat(store.find(COMPANY)).isEmpty();
  }

  @Test
  void keepsATokenWithoutRefreshToken() {
    store.saveInstalled(LOCATION, new TokenSet(Secret.of(ACCESS), null, NOW, Set.of()), null);

    StoredTokens stored = store.find(LOCATION).orElseThrow();
    assertThat(stored.tokens().refreshToken()).isNull();
    assertThat(stored.grantedScopes()).isEmpty();
  }

  @Test
  void storesOnlyCiphertext() {
    store.saveInstalled(LOCATION, tokens(ACCESS, REFRESH), null);

    byte[] access = raw("access_token", LOCATION);
    byte[] refresh = raw("refresh_token", LOCATION);

    assertThat(new String(access, StandardCharsets.ISO_8859_1)).doesNotContain(ACCESS);
    assertThat(new String(refresh, StandardCharsets.ISO_8859_1)).doesNotContain(REFRESH);
  }

  @Test
  void aTokenCopiedToAnotherAccountDoesNotDecrypt() {
    store.saveInstalled(LOCATION, tokens(ACCESS, REFRESH), null);
    store.saveInstalled(COMPANY, tokens("other", "other-refresh"), null);

    new Jdbc(database)
        .update(
            "UPDATE oauth_account SET access_token = ? WHERE account_type = 'COMPANY'",
            raw("access_token", LOCATION));

    assertThatThrownBy(() -> store.find(COMPANY)).isInstanceOf(CipherException.class);
  }

  @Test
  void aNewInstallReconnectsADisconnectedAccount() {
    store.saveInstalled(LOCATION, tokens(ACCESS, REFRESH), "co-1");
    store.markDisconnected(LOCATION, "refresh refused");
    assertThat(store.find(LOCATION).orElseThrow().statusReason()).isEqualTo("refresh refused");

    store.saveInstalled(LOCATION, tokens("new-access", "new-refresh"), "co-1");

    StoredTokens stored = store.find(LOCATION).orElseThrow();
    assertThat(stored.connected()).isTrue();
    assertThat(stored.statusReason()).isNull();
    assertThat(stored.accessToken().reveal()).isEqualTo("new-access");
    assertThat(stored.version()).isEqualTo(3);
  }

  @Test
  void anInstallIsANewConnectionWhileARefreshIsNot() {
    store.saveInstalled(LOCATION, tokens(ACCESS, REFRESH), "co-1");
    JdbcTokenStore later =
        new JdbcTokenStore(database, cipher, InstantSource.fixed(NOW.plusSeconds(60)));
    later.withLockedAccount(
        LOCATION,
        locked -> {
          locked.replaceTokens(tokens("refreshed", "refreshed-refresh"));
          return true;
        });
    assertThat(store.find(LOCATION).orElseThrow().statusSince()).isEqualTo(NOW);

    new JdbcTokenStore(database, cipher, InstantSource.fixed(NOW.plusSeconds(120)))
        .saveInstalled(LOCATION, tokens("reinstalled", "reinstalled-refresh"), "co-1");

    assertThat(store.find(LOCATION).orElseThrow().statusSince()).isEqualTo(NOW.plusSeconds(120));
  }

  @Test
  void replacesTokensUnderTheLockAndKeepsTheCompany() {
    store.saveInstalled(LOCATION, tokens(ACCESS, REFRESH), "co-1");

    long seen =
        store.withLockedAccount(
            LOCATION,
            locked -> {
              long version = locked.current().orElseThrow().version();
              locked.replaceTokens(tokens("rotated-access", "rotated-refresh"));
              return version;
            });

    StoredTokens stored = store.find(LOCATION).orElseThrow();
    assertThat(seen).isEqualTo(1);
    assertThat(stored.version()).isEqualTo(2);
    assertThat(stored.tokens().refreshToken()).isEqualTo(Secret.of("rotated-refresh"));
    assertThat(stored.companyId()).isEqualTo("co-1");
  }

  @Test
  void lockedWorkThatFailsChangesNothing() {
    store.saveInstalled(LOCATION, tokens(ACCESS, REFRESH), null);

    assertThatThrownBy(
            () ->
                store.withLockedAccount(
                    LOCATION,
                    locked -> {
                      locked.replaceTokens(tokens("lost", "lost"));
                      throw new IllegalStateException("refresh crashed");
                    }))
        .hasMessage("refresh crashed");

    assertThat(store.find(LOCATION).orElseThrow().accessToken().reveal()).isEqualTo(ACCESS);
  }

  @Test
  void aSecondLockerWaitsAndSeesTheFirstOnesTokens() throws Exception {
    store.saveInstalled(LOCATION, tokens(ACCESS, REFRESH), null);
    CountDownLatch firstHoldsLock = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    AtomicBoolean secondEntered = new AtomicBoolean();
    CompletableFuture<Void> first =
        CompletableFuture.runAsync(
            () ->
                store.withLockedAccount(
                    LOCATION,
                    locked -> {
                      locked.current();
                      firstHoldsLock.countDown();
                      await()
                          .atMost(10, TimeUnit.SECONDS)
                          .until(() -> releaseFirst.getCount() == 0);
                      locked.replaceTokens(tokens("first-access", "first-refresh"));
                      return true;
                    }));
    assertThat(firstHoldsLock.await(10, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<String> second =
        CompletableFuture.supplyAsync(
            () ->
                store.withLockedAccount(
                    LOCATION,
                    locked -> {
                      String seen = locked.current().orElseThrow().accessToken().reveal();
                      secondEntered.set(true);
                      return seen;
                    }));
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> !secondEntered.get());
    releaseFirst.countDown();

    first.get(10, TimeUnit.SECONDS);
    assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("first-access");
  }

  @Test
  void disconnectingKeepsTheFirstTimeAndTheLatestReason() {
    store.saveInstalled(LOCATION, tokens(ACCESS, REFRESH), null);
    store.markDisconnected(LOCATION, "refresh refused");
    new JdbcTokenStore(database, cipher, InstantSource.fixed(NOW.plusSeconds(60)))
        .markDisconnected(LOCATION, "still refused");

    StoredTokens stored = store.find(LOCATION).orElseThrow();
    assertThat(stored.status()).isEqualTo(AccountStatus.DISCONNECTED);
    assertThat(stored.statusSince()).isEqualTo(NOW);
    assertThat(stored.statusReason()).isEqualTo("still refused");
  }

  @Test
  void listsAccountsWithoutTokensAndDeletes() {
    store.saveInstalled(LOCATION, tokens(ACCESS, REFRESH), "co-1");
    store.saveInstalled(COMPANY, tokens("c-access", "c-refresh"), "co-1");
    store.markDisconnected(COMPANY, "revoked");

    assertThat(store.listAccounts())
        .extracting(AccountSummary::key, AccountSummary::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(COMPANY, AccountStatus.DISCONNECTED),
            org.assertj.core.groups.Tuple.tuple(LOCATION, AccountStatus.CONNECTED));
    assertThat(store.listAccounts().get(1).grantedScopes()).contains("contacts.write");

    assertThat(store.delete(COMPANY)).isTrue();
    assertThat(store.delete(COMPANY)).isFalse();
    assertThat(store.listAccounts()).extracting(AccountSummary::key).containsExactly(LOCATION);
  }

  @Test
  void anInstallStateWorksOnceAndOnlyBeforeItExpires() {
    states.save("state-a", NOW.plusSeconds(600));
    states.save("state-b", NOW.plusSeconds(600));

    assertThat(states.consume("state-a", NOW)).isTrue();
    assertThat(states.consume("state-a", NOW)).isFalse();
    assertThat(states.consume("unknown", NOW)).isFalse();
    assertThat(states.consume("state-b", NOW.plusSeconds(601))).isFalse();
    assertThat(new Jdbc(database).queryLong("SELECT COUNT(*) FROM oauth_state")).isZero();
  }

  private static TokenSet tokens(String access, String refresh) {
    return new TokenSet(
        Secret.of(access),
        Secret.of(refresh),
        NOW.plus(Duration.ofDays(1)),
        Set.of("contacts.readonly", "contacts.write"));
  }

  private byte[] raw(String column, AccountKey key) {
    return new Jdbc(database)
        .queryOne(
            "SELECT " + column + " FROM oauth_account WHERE account_type = ? AND account_id = ?",
            row -> row.getBytes(1),
            key.type().name(),
            key.id())
        .orElseThrow();
  }
}

package io.ghlcredly.http.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ghlcredly.core.error.AccountDisconnectedException;
import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.core.port.TokenStore.AccountKey;
import io.ghlcredly.core.port.TokenStore.AccountStatus;
import io.ghlcredly.core.port.TokenStore.StoredTokens;
import io.ghlcredly.core.port.TokenStore.TokenSet;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RefreshingTokenProviderTest {
  private static final AccountKey ACCOUNT = AccountKey.location("loc-1");
  private static final Duration MARGIN = Duration.ofMinutes(5);
  private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

  private final AtomicReference<Instant> now = new AtomicReference<>(START);
  private final InstantSource clock = () -> now.get();
  private final InMemoryTokenStore store = new InMemoryTokenStore(clock);
  private final CountingRefresher refresher = new CountingRefresher();

  @Test
  void handsOutTheStoredTokenWhileItIsFresh() {
    install("access-0", "refresh-0");
    RefreshingTokenProvider provider = provider();

    assertThat(provider.accessToken().reveal()).isEqualTo("access-0");
    assertThat(provider.accessToken().reveal()).isEqualTo("access-0");
    assertThat(refresher.calls.get()).isZero();
    assertThat(provider.grantedScopes()).containsExactly("contacts.readonly");
  }

  @Test
  void refreshesOnceWhenTheTokenIsWithinTheMarginAndStoresTheRotatedPair() {
    install("access-0", "refresh-0");
    RefreshingTokenProvider provider = provider();
    provider.accessToken();

    now.set(START.plus(Duration.ofDays(1)).minus(Duration.ofMinutes(4)));

    assertThat(provider.accessToken().reveal()).isEqualTo("access-1");
    assertThat(provider.accessToken().reveal()).isEqualTo("access-1");
    assertThat(refresher.calls.get()).isEqualTo(1);
    assertThat(refresher.usedRefreshTokens).containsExactly("refresh-0");
    StoredTokens stored = store.find(ACCOUNT).orElseThrow();
    assertThat(stored.tokens().refreshToken()).isEqualTo(Secret.of("refresh-1"));
  }

  @Test
  void usesTokensAnotherInstanceStoredInsteadOfRefreshingAgain() {
    install("access-0", "refresh-0");
    RefreshingTokenProvider provider = provider();
    provider.accessToken();
    store.withLockedAccount(
        ACCOUNT,
        locked -> {
          locked.replaceTokens(tokens("access-other", "refresh-other", Duration.ofDays(2)));
          return true;
        });

    now.set(START.plus(Duration.ofDays(1)).minus(Duration.ofMinutes(1)));

    assertThat(provider.accessToken().reveal()).isEqualTo("access-other");
    assertThat(refresher.calls.get()).isZero();
  }

  @Test
  void aRefusedTokenForcesOneRefreshAndAnOlderRefusalNone() {
    install("access-0", "refresh-0");
    RefreshingTokenProvider provider = provider();

    provider.onUnauthorized(provider.accessToken());
    assertThat(provider.accessToken().reveal()).isEqualTo("access-1");

    provider.onUnauthorized(Secret.of("access-0"));
    assertThat(provider.accessToken().reveal()).isEqualTo("access-1");
    assertThat(refresher.calls.get()).isEqualTo(1);
  }

  @Test
  void manyThreadsAcrossAnExpiryCauseOneRefresh() throws Exception {
    install("access-0", "refresh-0");
    RefreshingTokenProvider provider = provider();
    now.set(START.plus(Duration.ofDays(1)));
    List<Future<String>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
      for (int i = 0; i < 64; i++) {
        results.add(pool.submit(() -> provider.accessToken().reveal()));
      }
    }
    for (Future<String> result : results) {
      assertThat(result.get()).isEqualTo("access-1");
    }
    assertThat(refresher.calls.get()).isEqualTo(1);
  }

  @Test
  void aRefusalIsCheckedAgainstTheStoreBeforeGivingUp() {
    install("access-0", "refresh-0");
    // Someone else used refresh-0 and stores its pair just after our refusal.
    refresher.onCall =
        current -> {
          store.saveInstalled(
              ACCOUNT, tokens("access-theirs", "refresh-theirs", Duration.ofDays(1)), null);
          return new TokenRefresher.Result.Rejected("invalid_grant");
        };
    RefreshingTokenProvider provider = provider();
    now.set(START.plus(Duration.ofDays(1)));

    assertThat(provider.accessToken().reveal()).isEqualTo("access-theirs");
    assertThat(store.find(ACCOUNT).orElseThrow().connected()).isTrue();
    assertThat(refresher.calls.get()).isEqualTo(1);
  }

  @Test
  void aRefusalWithNothingNewerDisconnectsTheAccount() {
    install("access-0", "refresh-0");
    refresher.onCall = current -> new TokenRefresher.Result.Rejected("invalid_grant: revoked");
    RefreshingTokenProvider provider = provider();
    now.set(START.plus(Duration.ofDays(1)));

    assertThatThrownBy(provider::accessToken)
        .isInstanceOf(AccountDisconnectedException.class)
        .hasMessageContaining("LOCATION:loc-1");
    StoredTokens stored = store.find(ACCOUNT).orElseThrow();
    assertThat(stored.status()).isEqualTo(AccountStatus.DISCONNECTED);
    assertThat(stored.statusReason()).contains("refresh refused");

    assertThatThrownBy(provider::accessToken).isInstanceOf(AccountDisconnectedException.class);
    assertThat(refresher.calls.get()).isEqualTo(1);
  }

  @Test
  void aTransientFailureKeepsTheAccountConnected() {
    install("access-0", "refresh-0");
    refresher.onCall =
        current -> {
          throw new ApiException(
              "ghl", "POST", "/oauth/token", 503, ApiException.Kind.TRANSIENT, null, null, null);
        };
    RefreshingTokenProvider provider = provider();
    now.set(START.plus(Duration.ofDays(1)));

    assertThatThrownBy(provider::accessToken).isInstanceOf(ApiException.class);
    assertThat(store.find(ACCOUNT).orElseThrow().connected()).isTrue();
  }

  @Test
  void anAccountNeverInstalledIsDisconnected() {
    assertThatThrownBy(provider()::accessToken)
        .isInstanceOf(AccountDisconnectedException.class)
        .hasMessageContaining("install");
  }

  @Test
  void replaysACallOnceAfterA401() {
    install("access-0", "refresh-0");
    RefreshingTokenProvider provider = provider();
    List<String> sent = new ArrayList<>();

    String answer =
        UnauthorizedReplay.call(
            provider,
            () -> {
              String token = provider.accessToken().reveal();
              sent.add(token);
              if (token.equals("access-0")) {
                throw new ApiException(
                    "ghl", "GET", "/x", 401, ApiException.Kind.UNAUTHORIZED, null, null, null);
              }
              return "ok";
            });

    assertThat(answer).isEqualTo("ok");
    assertThat(sent).containsExactly("access-0", "access-1");
  }

  private RefreshingTokenProvider provider() {
    return new RefreshingTokenProvider(store, ACCOUNT, refresher, clock, MARGIN);
  }

  private void install(String access, String refresh) {
    store.saveInstalled(ACCOUNT, tokens(access, refresh, Duration.ofDays(1)), "co-1");
  }

  private TokenSet tokens(String access, String refresh, Duration life) {
    return new TokenSet(
        Secret.of(access), Secret.of(refresh), now.get().plus(life), Set.of("contacts.readonly"));
  }

  /** Issues access-N/refresh-N on the Nth call unless told otherwise. */
  private final class CountingRefresher implements TokenRefresher {
    final AtomicInteger calls = new AtomicInteger();
    final List<String> usedRefreshTokens = new ArrayList<>();
    TokenRefresher onCall = this::issue;

    @Override
    public Result refresh(StoredTokens current) {
      calls.incrementAndGet();
      Secret used = current.tokens().refreshToken();
      usedRefreshTokens.add(used == null ? "none" : used.reveal());
      return onCall.refresh(current);
    }

    private Result issue(StoredTokens current) {
      int n = calls.get();
      return new Result.Refreshed(
          new OAuthTokens(
              Secret.of("access-" + n),
              Secret.of("refresh-" + n),
              now.get().plus(Duration.ofDays(1)),
              Set.of("contacts.readonly")));
    }
  }
}

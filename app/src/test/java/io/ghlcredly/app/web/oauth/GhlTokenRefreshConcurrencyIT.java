package io.ghlcredly.app.web.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ghlcredly.core.model.Secret;
import io.ghlcredly.core.port.TokenStore;
import io.ghlcredly.core.port.TokenStore.AccountKey;
import io.ghlcredly.core.port.TokenStore.AccountSummary;
import io.ghlcredly.core.port.TokenStore.StoredTokens;
import io.ghlcredly.core.port.TokenStore.TokenSet;
import io.ghlcredly.ghl.oauth.GhlTokenGrant;
import io.ghlcredly.ghl.oauth.GhlTokenRefresher;
import io.ghlcredly.http.oauth.RefreshingTokenProvider;
import io.ghlcredly.http.oauth.TokenRefresher;
import io.ghlcredly.storage.Database;
import io.ghlcredly.storage.DatabaseSettings;
import io.ghlcredly.storage.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two engine instances, each with its own pool over one PostgreSQL schema, share an OAuth account
 * whose refresh tokens the emulator accepts once. Whatever the threads do, each expiry costs one
 * refresh and no refresh token is ever sent twice.
 */
class GhlTokenRefreshConcurrencyIT {
  private static final int THREADS_PER_INSTANCE = 8;
  private static final Duration TO_MARGIN = Duration.ofSeconds(86399).minus(Duration.ofMinutes(4));

  private OAuthFixture fixture;
  private Database databaseA;
  private Database databaseB;
  private OAuthFixture.Instance instanceA;
  private OAuthFixture.Instance instanceB;
  private AccountKey location;
  private String ada;

  @BeforeEach
  void installOnce() {
    DatabaseSettings schema = TestDatabases.postgresSettings();
    fixture = new OAuthFixture();
    databaseA = Database.open(schema);
    databaseB = Database.open(schema);
    instanceA = fixture.instance(databaseA);
    instanceB = fixture.instance(databaseB);
    location = AccountKey.location(fixture.ghl.locationId());
    String code =
        fixture
            .ghl
            .oauth()
            .authorize(
                fixture.ghl.oauth().clientId(),
                fixture.oauthSettings().redirectUri().toString(),
                location.id(),
                OAuthFixture.SCOPES);
    GhlTokenGrant grant = instanceA.oauthClient.exchangeCode(code);
    instanceA.tokens.saveInstalled(location, grant.tokens().toTokenSet(), grant.companyId());
    ada = fixture.ghl.seedContact("Ada", "Lovelace", "ada@example.com");
  }

  @AfterEach
  @SuppressWarnings("NullAway") // null when the PostgreSQL test was skipped
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
    if (databaseA != null) {
      databaseA.close();
    }
    if (databaseB != null) {
      databaseB.close();
    }
  }

  @Test
  void sixteenThreadsOnTwoInstancesRefreshOncePerExpiryAndNeverReuseARefreshToken()
      throws Exception {
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    AtomicLong calls = new AtomicLong();
    AtomicBoolean running = new AtomicBoolean(true);
    List<OAuthFixture.ContactReader> readers = List.of(instanceA.contacts(), instanceB.contacts());
    try (ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_INSTANCE)) {
      for (int i = 0; i < 2 * THREADS_PER_INSTANCE; i++) {
        OAuthFixture.ContactReader reader = readers.get(i % 2);
        Future<?> ignored =
            threads.submit(
                () -> {
                  while (running.get()) {
                    try {
                      reader.read(ada);
                    } catch (RuntimeException e) {
                      failures.add(e);
                    }
                    calls.incrementAndGet();
                  }
                });
      }
      try {
        driveThroughExpiries(calls);
      } finally {
        running.set(false); // also when an assertion failed, or closing the pool would hang
      }
    }

    assertThat(failures).isEmpty();
    assertThat(fixture.ghl.oauth().refreshes(location.id())).isEqualTo(4);
    assertThat(fixture.ghl.oauth().reuseAttempts()).isZero();
    assertThat(instanceB.tokens.listAccounts())
        .extracting(AccountSummary::version)
        .containsExactly(5L);
  }

  private void driveThroughExpiries(AtomicLong calls) {
    awaitCalls(calls, 100);
    for (int expiry = 1; expiry <= 3; expiry++) {
      fixture.clock.advance(TO_MARGIN); // four minutes before the current token expires
      awaitCalls(calls, 200);
      assertThat(fixture.ghl.oauth().refreshes(location.id())).isEqualTo(expiry);
    }
    // And once right past an expiry: calls in flight get 401 and are replayed.
    fixture.clock.advance(Duration.ofSeconds(86399 + 60));
    awaitCalls(calls, 200);
  }

  @Test
  void aRefusalCausedByTheOtherInstancesRotationIsHealedByReadingTheStoreAgain() {
    StoredTokens installed = instanceA.tokens.find(location).orElseThrow();
    Secret original = Objects.requireNonNull(installed.tokens().refreshToken());
    AtomicReference<Future<?>> otherWrite = new AtomicReference<>();
    AtomicReference<Secret> theirAccess = new AtomicReference<>();
    AtomicInteger locks = new AtomicInteger();
    GhlTokenRefresher real =
        new GhlTokenRefresher(instanceA.oauthClient, instanceA.providers::provider);
    try (ExecutorService other = Executors.newSingleThreadExecutor()) {
      // Instance B, not taking the lock (say, an older release), rotates the token at HighLevel
      // while we hold the lock; its write waits for our lock and lands after our refusal.
      TokenRefresher racing =
          current -> {
            GhlTokenGrant rotated =
                instanceB.oauthClient.refresh(original, TokenStore.AccountType.LOCATION);
            theirAccess.set(rotated.tokens().accessToken());
            otherWrite.set(
                other.submit(
                    () ->
                        instanceB.tokens.saveInstalled(
                            location, rotated.tokens().toTokenSet(), installed.companyId())));
            return real.refresh(current);
          };
      TokenStore waitingForTheOtherWrite =
          new DelegatingTokenStore(instanceA.tokens) {
            @Override
            public <T> T withLockedAccount(AccountKey key, Function<LockedAccount, T> work) {
              if (locks.incrementAndGet() == 2) {
                await().atMost(Duration.ofSeconds(10)).until(() -> otherWrite.get().isDone());
              }
              return super.withLockedAccount(key, work);
            }
          };
      RefreshingTokenProvider provider =
          new RefreshingTokenProvider(
              waitingForTheOtherWrite, location, racing, fixture.clock, OAuthFixture.MARGIN);
      fixture.clock.advance(TO_MARGIN);

      Secret token = provider.accessToken();

      assertThat(token).isEqualTo(theirAccess.get());
    }
    assertThat(locks.get()).isEqualTo(2);
    assertThat(instanceA.tokens.find(location).orElseThrow().connected()).isTrue();
    assertThat(fixture.ghl.oauth().refreshes(location.id())).isEqualTo(1);
    assertThat(fixture.ghl.oauth().reuseAttempts()).isEqualTo(1);
  }

  private static void awaitCalls(AtomicLong calls, long more) {
    long target = calls.get() + more;
    await().atMost(Duration.ofSeconds(60)).until(() -> calls.get() >= target);
  }

  /** Passes every call through; tests override what they need to observe or delay. */
  private static class DelegatingTokenStore implements TokenStore {
    private final TokenStore delegate;

    DelegatingTokenStore(TokenStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public void saveInstalled(
        AccountKey key, TokenSet tokens, @org.jspecify.annotations.Nullable String companyId) {
      delegate.saveInstalled(key, tokens, companyId);
    }

    @Override
    public Optional<StoredTokens> find(AccountKey key) {
      return delegate.find(key);
    }

    @Override
    public <T> T withLockedAccount(AccountKey key, Function<LockedAccount, T> work) {
      return delegate.withLockedAccount(key, work);
    }

    @Override
    public void markDisconnected(AccountKey key, String reason) {
      delegate.markDisconnected(key, reason);
    }

    @Override
    public List<AccountSummary> listAccounts() {
      return delegate.listAccounts();
    }

    @Override
    public boolean delete(AccountKey key) {
      return delegate.delete(key);
    }
  }
}

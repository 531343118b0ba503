package io.ghlcredly.http.oauth;

import io.ghlcredly.core.port.TokenStore;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** A {@link TokenStore} in memory with one lock per account, for the provider's unit tests. */
final class InMemoryTokenStore implements TokenStore {
  private final Map<AccountKey, StoredTokens> accounts = new ConcurrentHashMap<>();
  private final Map<AccountKey, ReentrantLock> locks = new ConcurrentHashMap<>();
  private final InstantSource clock;

  InMemoryTokenStore(InstantSource clock) {
    this.clock = clock;
  }

  @Override
  public void saveInstalled(AccountKey key, TokenSet tokens, @Nullable String companyId) {
    withLockedAccount(
        key,
        locked -> {
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
          return true;
        });
  }

  @Override
  public Optional<StoredTokens> find(AccountKey key) {
    return Optional.ofNullable(accounts.get(key));
  }

  @Override
  public <T> T withLockedAccount(AccountKey key, Function<LockedAccount, T> work) {
    ReentrantLock lock = locks.computeIfAbsent(key, any -> new ReentrantLock());
    lock.lock();
    try {
      return work.apply(
          new LockedAccount() {
            @Override
            public Optional<StoredTokens> current() {
              return find(key);
            }

            @Override
            public void replaceTokens(TokenSet tokens) {
              StoredTokens old = accounts.get(key);
              if (old == null) {
                throw new IllegalStateException("no account " + key);
              }
              accounts.put(
                  key,
                  new StoredTokens(
                      key,
                      tokens,
                      old.companyId(),
                      AccountStatus.CONNECTED,
                      null,
                      old.statusSince(),
                      old.version() + 1));
            }

            @Override
            public void markDisconnected(String reason) {
              InMemoryTokenStore.this.markDisconnected(key, reason);
            }
          });
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void markDisconnected(AccountKey key, String reason) {
    accounts.computeIfPresent(
        key,
        (any, old) ->
            new StoredTokens(
                key,
                old.tokens(),
                old.companyId(),
                AccountStatus.DISCONNECTED,
                reason,
                Instant.EPOCH,
                old.version() + 1));
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

package io.ghlcredly.http.oauth;

import io.ghlcredly.core.error.AccountDisconnectedException;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.core.port.TokenStore;
import io.ghlcredly.core.port.TokenStore.AccountKey;
import io.ghlcredly.core.port.TokenStore.LockedAccount;
import io.ghlcredly.core.port.TokenStore.StoredTokens;
import io.ghlcredly.core.port.TokenStore.TokenSet;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access token of one stored OAuth account, refreshed ahead of expiry.
 *
 * <p>Refresh tokens are single-use, so at most one refresh per account runs at a time: threads of
 * this provider queue on a lock, and instances sharing the database queue on the account's row lock
 * ({@link TokenStore#withLockedAccount}). Inside the lock the stored tokens are read again: when
 * another instance refreshed meanwhile, its tokens are used and no refresh is made. The rotated
 * pair is committed before the new access token is handed out. When the provider refuses the grant,
 * the account is read once more in a new lock (someone may have rotated the token without our lock,
 * such as a new install); only if it is unchanged is the account marked disconnected and {@link
 * AccountDisconnectedException} thrown.
 *
 * <p>Use one instance per account per process. Thread-safe.
 */
public final class RefreshingTokenProvider implements TokenProvider {
  /** Default head start: refresh when the token has less than this left. */
  public static final Duration DEFAULT_MARGIN = Duration.ofMinutes(5);

  private static final Logger log = LoggerFactory.getLogger(RefreshingTokenProvider.class);

  private final TokenStore store;
  private final AccountKey key;
  private final TokenRefresher refresher;
  private final InstantSource clock;
  private final Duration margin;
  private final ReentrantLock refreshing = new ReentrantLock();
  private volatile @Nullable TokenSet cached;

  public RefreshingTokenProvider(
      TokenStore store,
      AccountKey key,
      TokenRefresher refresher,
      InstantSource clock,
      Duration margin) {
    if (margin.isNegative()) {
      throw new IllegalArgumentException("margin must not be negative: " + margin);
    }
    this.store = store;
    this.key = key;
    this.refresher = refresher;
    this.clock = clock;
    this.margin = margin;
  }

  public AccountKey account() {
    return key;
  }

  @Override
  public Secret accessToken() {
    TokenSet tokens = cached;
    if (tokens != null && usable(tokens, null)) {
      return tokens.accessToken();
    }
    return renew(null);
  }

  @Override
  public void onUnauthorized(Secret rejected) {
    renew(rejected);
  }

  @Override
  public Set<String> grantedScopes() {
    TokenSet tokens = cached;
    if (tokens != null) {
      return tokens.scopes();
    }
    return store.find(key).map(StoredTokens::grantedScopes).orElse(Set.of());
  }

  private Secret renew(@Nullable Secret rejected) {
    refreshing.lock();
    try {
      TokenSet tokens = cached;
      if (tokens != null && usable(tokens, rejected)) {
        return tokens.accessToken(); // a thread before us refreshed
      }
      Attempt first = store.withLockedAccount(key, locked -> attempt(locked, rejected, null));
      Attempt outcome =
          first instanceof Attempt.Refused refused
              ? store.withLockedAccount(key, locked -> attempt(locked, rejected, refused))
              : first;
      return switch (outcome) {
        case Attempt.Usable usable -> {
          cached = usable.tokens(); // committed: the lock's transaction has ended
          yield usable.tokens().accessToken();
        }
        case Attempt.Refused refused -> throw disconnected(refused.reason());
        case Attempt.GaveUp gaveUp -> {
          cached = null;
          throw disconnected(gaveUp.reason());
        }
      };
    } finally {
      refreshing.unlock();
    }
  }

  /**
   * One try under the account's lock.
   *
   * @param earlier the refusal of the first try, or null on the first try
   */
  private Attempt attempt(
      LockedAccount locked, @Nullable Secret rejected, Attempt.@Nullable Refused earlier) {
    StoredTokens current = locked.current().orElse(null);
    if (current == null) {
      return new Attempt.GaveUp("no tokens stored; install the app");
    }
    if (!current.connected()) {
      String reason = current.statusReason();
      return new Attempt.GaveUp(reason == null ? "disconnected" : reason);
    }
    if (usable(current.tokens(), rejected)) {
      return new Attempt.Usable(current.tokens()); // another instance refreshed already
    }
    if (earlier != null && current.version() == earlier.version()) {
      // Nobody stored a newer token since the refusal: the grant is dead.
      String reason = "refresh refused: " + earlier.reason();
      locked.markDisconnected(reason);
      return new Attempt.GaveUp(reason);
    }
    TokenRefresher.Result result = refresher.refresh(current);
    return switch (result) {
      case TokenRefresher.Result.Refreshed refreshed -> {
        TokenSet fresh = refreshed.tokens().toTokenSet();
        locked.replaceTokens(fresh);
        log.atInfo()
            .addKeyValue("account", key)
            .addKeyValue("expiresAt", fresh.expiresAt())
            .log("access token refreshed");
        yield new Attempt.Usable(fresh);
      }
      case TokenRefresher.Result.Rejected refused -> {
        log.atWarn()
            .addKeyValue("account", key)
            .addKeyValue("reason", refused.reason())
            .log("refresh refused");
        if (earlier != null) {
          locked.markDisconnected("refresh refused: " + refused.reason());
          yield new Attempt.GaveUp("refresh refused: " + refused.reason());
        }
        yield new Attempt.Refused(current.version(), refused.reason());
      }
    };
  }

  /** Not due for a refresh, and not the token the API just refused. */
  private boolean usable(TokenSet tokens, @Nullable Secret rejected) {
    if (rejected != null && rejected.equals(tokens.accessToken())) {
      return false;
    }
    return clock.instant().plus(margin).isBefore(tokens.expiresAt());
  }

  private AccountDisconnectedException disconnected(String reason) {
    return new AccountDisconnectedException(key.toString(), reason);
  }

  /** How a try under the lock ended. */
  private sealed interface Attempt {
    record Usable(TokenSet tokens) implements Attempt {}

    record Refused(long version, String reason) implements Attempt {}

    record GaveUp(String reason) implements Attempt {}
  }
}

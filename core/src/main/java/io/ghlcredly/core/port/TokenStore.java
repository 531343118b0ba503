package io.ghlcredly.core.port;

import io.ghlcredly.core.model.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * OAuth accounts (one per installed HighLevel location or company) and their tokens, encrypted at
 * rest by the implementation. Refreshes happen inside {@link #withLockedAccount}, which holds a
 * lock on the account that other threads and other instances sharing the database respect, so a
 * single-use refresh token is never sent twice. Thread-safe.
 */
public interface TokenStore {
  /**
   * Stores (or replaces) the tokens of a new install; the account becomes connected, its status
   * since now (an install is a new connection even when the account looked connected).
   */
  void saveInstalled(AccountKey key, TokenSet tokens, @Nullable String companyId);

  /** The account and its decrypted tokens, read without a lock. */
  Optional<StoredTokens> find(AccountKey key);

  /**
   * Runs the work while holding the account's lock (a row lock that other instances wait for) in
   * one transaction; what the work writes through the {@link LockedAccount} commits when it returns
   * and is rolled back when it throws.
   */
  <T> T withLockedAccount(AccountKey key, Function<LockedAccount, T> work);

  /** Marks the account disconnected (tokens revoked or expired) without taking its lock. */
  void markDisconnected(AccountKey key, String reason);

  /** Every account, without tokens, ordered by type and id; for status pages. */
  List<AccountSummary> listAccounts();

  /** Forgets the account and its tokens (app uninstalled); true when it existed. */
  boolean delete(AccountKey key);

  /** The account as seen inside {@link #withLockedAccount}. */
  interface LockedAccount {
    /** The account's current row, read under the lock; re-reads on every call. */
    Optional<StoredTokens> current();

    /** Replaces the tokens after a refresh; the account stays or becomes connected. */
    void replaceTokens(TokenSet tokens);

    /** Marks the account disconnected with a reason an operator can act on. */
    void markDisconnected(String reason);
  }

  /** Which kind of HighLevel token an account holds ({@code user_type}). */
  enum AccountType {
    /** A sub-account (location) token. */
    LOCATION,
    /** An agency (company) token, exchanged for location tokens. */
    COMPANY
  }

  /** Whether an account's tokens can be used. */
  enum AccountStatus {
    CONNECTED,
    /** The refresh token was refused or revoked: someone must install the app again. */
    DISCONNECTED
  }

  /** An account: a location or company id and its type. */
  record AccountKey(AccountType type, String id) {
    public AccountKey {
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("account id must not be blank");
      }
    }

    public static AccountKey location(String locationId) {
      return new AccountKey(AccountType.LOCATION, locationId);
    }

    public static AccountKey company(String companyId) {
      return new AccountKey(AccountType.COMPANY, companyId);
    }

    @Override
    public String toString() {
      return type + ":" + id;
    }
  }

  /**
   * Tokens as issued.
   *
   * @param refreshToken null for tokens that are re-minted instead of refreshed (location tokens
   *     exchanged from a company token)
   */
  record TokenSet(
      Secret accessToken, @Nullable Secret refreshToken, Instant expiresAt, Set<String> scopes) {
    public TokenSet {
      scopes = Set.copyOf(scopes);
    }

    @Override
    public String toString() {
      return "TokenSet[accessToken=***, refreshToken="
          + (refreshToken == null ? "none" : "***")
          + ", expiresAt="
          + expiresAt
          + ", scopes="
          + scopes
          + "]";
    }
  }

  /**
   * An account with its decrypted tokens.
   *
   * @param companyId the owning company (agency), when known
   * @param statusReason why the account is disconnected; null while connected
   * @param statusSince when the status last changed, or the app was last installed
   * @param version increases with every change of the tokens or status
   */
  record StoredTokens(
      AccountKey key,
      TokenSet tokens,
      @Nullable String companyId,
      AccountStatus status,
      @Nullable String statusReason,
      Instant statusSince,
      long version) {
    public Secret accessToken() {
      return tokens.accessToken();
    }

    public Instant expiresAt() {
      return tokens.expiresAt();
    }

    /** The scopes the account's tokens were granted. */
    public Set<String> grantedScopes() {
      return tokens.scopes();
    }

    public boolean connected() {
      return status == AccountStatus.CONNECTED;
    }
  }

  /** An account without its tokens, safe to show. */
  record AccountSummary(
      AccountKey key,
      @Nullable String companyId,
      Set<String> grantedScopes,
      Instant expiresAt,
      AccountStatus status,
      @Nullable String statusReason,
      Instant statusSince,
      long version) {
    public AccountSummary {
      grantedScopes = Set.copyOf(grantedScopes);
    }
  }
}

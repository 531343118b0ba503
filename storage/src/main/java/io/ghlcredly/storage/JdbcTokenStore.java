package io.ghlcredly.storage;

import io.ghlcredly.core.model.Secret;
import io.ghlcredly.core.port.TokenStore;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * OAuth accounts in table {@code oauth_account}, tokens encrypted with a {@link SecretCipher} whose
 * associated data names the account and the token kind (a ciphertext moved to another row or column
 * does not decrypt). {@link #withLockedAccount} takes the row lock with {@code SELECT … FOR
 * UPDATE}: on PostgreSQL other instances wait for it, on H2 other connections of this process do.
 * Thread-safe.
 */
public final class JdbcTokenStore implements TokenStore {
  private static final String COLUMNS =
      "account_type, account_id, company_id, access_token, refresh_token, expires_at, scopes,"
          + " status, status_reason, status_since, version";
  private static final String SELECT_ONE =
      "SELECT " + COLUMNS + " FROM oauth_account WHERE account_type = ? AND account_id = ?";

  private final Database database;
  private final Jdbc jdbc;
  private final SecretCipher cipher;
  private final InstantSource clock;

  public JdbcTokenStore(Database database, SecretCipher cipher, InstantSource clock) {
    this.database = database;
    this.jdbc = new Jdbc(database);
    this.cipher = cipher;
    this.clock = clock;
  }

  @Override
  public void saveInstalled(AccountKey key, TokenSet tokens, @Nullable String companyId) {
    database.inTransaction(
        connection -> {
          Optional<StoredTokens> existing = readLocked(key);
          Instant now = clock.instant();
          if (existing.isEmpty()) {
            jdbc.update(
                "INSERT INTO oauth_account ("
                    + COLUMNS
                    + ", updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, 1, ?)",
                key.type().name(),
                key.id(),
                companyId,
                encrypt(key, "access", tokens.accessToken()),
                encryptNullable(key, tokens.refreshToken()),
                tokens.expiresAt(),
                joinScopes(tokens.scopes()),
                AccountStatus.CONNECTED.name(),
                now,
                now);
          } else {
            // A new install is a new connection, even of an account that looked connected: its
            // time orders the app uninstall webhooks that arrive later (TokenStoreAccountEvents).
            writeTokens(key, tokens, companyId, now, now);
          }
          return existing.isEmpty();
        });
  }

  @Override
  public Optional<StoredTokens> find(AccountKey key) {
    return jdbc.queryOne(SELECT_ONE, this::tokens, key.type().name(), key.id());
  }

  @Override
  public <T> T withLockedAccount(AccountKey key, Function<LockedAccount, T> work) {
    return database.inTransaction(connection -> work.apply(new Locked(key)));
  }

  @Override
  public void markDisconnected(AccountKey key, String reason) {
    Instant now = clock.instant();
    jdbc.update(
        "UPDATE oauth_account SET status_since = CASE WHEN status = ? THEN status_since ELSE ? END,"
            + " status = ?, status_reason = ?, version = version + 1, updated_at = ?"
            + " WHERE account_type = ? AND account_id = ?",
        AccountStatus.DISCONNECTED.name(),
        now,
        AccountStatus.DISCONNECTED.name(),
        reason,
        now,
        key.type().name(),
        key.id());
  }

  @Override
  public List<AccountSummary> listAccounts() {
    return jdbc.query(
        "SELECT account_type, account_id, company_id, expires_at, scopes, status, status_reason,"
            + " status_since, version FROM oauth_account ORDER BY account_type, account_id",
        row ->
            new AccountSummary(
                key(row),
                row.getString("company_id"),
                splitScopes(row.getString("scopes")),
                Jdbc.instant(row, "expires_at"),
                AccountStatus.valueOf(row.getString("status")),
                row.getString("status_reason"),
                Jdbc.instant(row, "status_since"),
                row.getLong("version")));
  }

  @Override
  public boolean delete(AccountKey key) {
    return jdbc.update(
            "DELETE FROM oauth_account WHERE account_type = ? AND account_id = ?",
            key.type().name(),
            key.id())
        > 0;
  }

  private Optional<StoredTokens> readLocked(AccountKey key) {
    return jdbc.queryOne(SELECT_ONE + " FOR UPDATE", this::tokens, key.type().name(), key.id());
  }

  private void writeTokens(
      AccountKey key, TokenSet tokens, @Nullable String companyId, Instant since, Instant now) {
    jdbc.update(
        "UPDATE oauth_account SET company_id = ?, access_token = ?, refresh_token = ?,"
            + " expires_at = ?, scopes = ?, status = ?, status_reason = NULL, status_since = ?,"
            + " version = version + 1, updated_at = ? WHERE account_type = ? AND account_id = ?",
        companyId,
        encrypt(key, "access", tokens.accessToken()),
        encryptNullable(key, tokens.refreshToken()),
        tokens.expiresAt(),
        joinScopes(tokens.scopes()),
        AccountStatus.CONNECTED.name(),
        since,
        now,
        key.type().name(),
        key.id());
  }

  private StoredTokens tokens(ResultSet row) throws SQLException {
    AccountKey key = key(row);
    byte[] refresh = row.getBytes("refresh_token");
    return new StoredTokens(
        key,
        new TokenSet(
            decrypt(key, "access", row.getBytes("access_token")),
            refresh == null ? null : decrypt(key, "refresh", refresh),
            Jdbc.instant(row, "expires_at"),
            splitScopes(row.getString("scopes"))),
        row.getString("company_id"),
        AccountStatus.valueOf(row.getString("status")),
        row.getString("status_reason"),
        Jdbc.instant(row, "status_since"),
        row.getLong("version"));
  }

  private static AccountKey key(ResultSet row) throws SQLException {
    return new AccountKey(
        AccountType.valueOf(row.getString("account_type")), row.getString("account_id"));
  }

  private byte @Nullable [] encryptNullable(AccountKey key, @Nullable Secret refreshToken) {
    return refreshToken == null ? null : encrypt(key, "refresh", refreshToken);
  }

  private byte[] encrypt(AccountKey key, String kind, Secret token) {
    return cipher.encrypt(
        token.reveal().getBytes(StandardCharsets.UTF_8), associatedData(key, kind));
  }

  private Secret decrypt(AccountKey key, String kind, byte[] ciphertext) {
    return Secret.of(
        new String(cipher.decrypt(ciphertext, associatedData(key, kind)), StandardCharsets.UTF_8));
  }

  private static byte[] associatedData(AccountKey key, String kind) {
    return ("oauth:" + key.type() + ":" + key.id() + ":" + kind).getBytes(StandardCharsets.UTF_8);
  }

  private static String joinScopes(Set<String> scopes) {
    return String.join(" ", new TreeSet<>(scopes));
  }

  private static Set<String> splitScopes(@Nullable String scopes) {
    if (scopes == null || scopes.isBlank()) {
      return Set.of();
    }
    return Set.copyOf(Arrays.asList(scopes.trim().split(" +")));
  }

  /** The account inside {@link #withLockedAccount}: every call runs on the lock's transaction. */
  private final class Locked implements LockedAccount {
    private final AccountKey key;

    Locked(AccountKey key) {
      this.key = key;
    }

    @Override
    public Optional<StoredTokens> current() {
      return readLocked(key);
    }

    @Override
    public void replaceTokens(TokenSet tokens) {
      StoredTokens existing =
          readLocked(key)
              .orElseThrow(() -> new IllegalStateException("account " + key + " vanished"));
      Instant now = clock.instant();
      writeTokens(
          key,
          tokens,
          existing.companyId(),
          existing.connected() ? existing.statusSince() : now,
          now);
    }

    @Override
    public void markDisconnected(String reason) {
      JdbcTokenStore.this.markDisconnected(key, reason);
    }
  }
}

package io.ghlcredly.storage;

import io.ghlcredly.core.error.NotFoundException;
import io.ghlcredly.core.error.StorageException;
import io.ghlcredly.core.model.Operator;
import io.ghlcredly.core.model.OperatorId;
import io.ghlcredly.core.model.OperatorRole;
import io.ghlcredly.core.port.OperatorStore;
import io.ghlcredly.storage.internal.Sha256;
import io.ghlcredly.storage.internal.SqlStates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Operators in table {@code operator}, their one-time links in {@code operator_invite} keyed by the
 * SHA-256 of the token. The last-admin guard locks every enabled admin's row ({@code SELECT ... FOR
 * UPDATE}, in id order so that two guarded changes wait for each other instead of deadlocking), so
 * two instances demoting the last two admins at once leave one. Thread-safe.
 */
public final class JdbcOperatorStore implements OperatorStore {
  private static final String SELECT =
      "SELECT o.id, o.email, o.display_name, o.role, o.password_hash, o.disabled, o.created_at,"
          + " o.created_by, o.credentials_changed_at FROM operator o";

  private final Database database;
  private final Jdbc jdbc;

  public JdbcOperatorStore(Database database) {
    this.database = database;
    this.jdbc = new Jdbc(database);
  }

  @Override
  public Optional<Operator> add(
      String email,
      @Nullable String displayName,
      OperatorRole role,
      String createdBy,
      Instant now) {
    long id;
    try {
      id =
          jdbc.insertReturningId(
              "INSERT INTO operator (email, display_name, role, disabled, created_at, created_by,"
                  + " credentials_changed_at) VALUES (?, ?, ?, FALSE, ?, ?, ?)",
              "id",
              Operator.normalizeEmail(email),
              displayName,
              role.word(),
              now,
              createdBy,
              now);
    } catch (StorageException e) {
      if (SqlStates.isUniqueViolation(e)) {
        return Optional.empty();
      }
      throw e;
    }
    return find(new OperatorId(id));
  }

  @Override
  public Optional<Operator> find(OperatorId id) {
    return findCredentials(id).map(Credentials::operator);
  }

  @Override
  public Optional<Operator> findByEmail(String email) {
    return findCredentials(email).map(Credentials::operator);
  }

  @Override
  public Optional<Credentials> findCredentials(String email) {
    return jdbc.queryOne(
        SELECT + " WHERE o.email = ?",
        JdbcOperatorStore::credentials,
        Operator.normalizeEmail(email));
  }

  @Override
  public Optional<Credentials> findCredentials(OperatorId id) {
    return jdbc.queryOne(SELECT + " WHERE o.id = ?", JdbcOperatorStore::credentials, id.value());
  }

  @Override
  public List<Operator> list() {
    return jdbc.query(SELECT + " ORDER BY o.email", JdbcOperatorStore::credentials).stream()
        .map(Credentials::operator)
        .toList();
  }

  @Override
  public void setPassword(OperatorId id, String passwordHash, Instant now) {
    int rows =
        jdbc.update(
            "UPDATE operator SET password_hash = ?, credentials_changed_at = ? WHERE id = ?",
            passwordHash,
            now,
            id.value());
    if (rows == 0) {
      throw new NotFoundException("no operator " + id);
    }
  }

  @Override
  public Change changeRole(OperatorId id, OperatorRole role) {
    return database.inTransaction(
        connection -> {
          List<Long> admins = lockEnabledAdmins();
          if (find(id).isEmpty()) {
            return Change.NOT_FOUND;
          }
          if (role != OperatorRole.ADMIN && admins.equals(List.of(id.value()))) {
            return Change.LAST_ADMIN;
          }
          jdbc.update("UPDATE operator SET role = ? WHERE id = ?", role.word(), id.value());
          return Change.DONE;
        });
  }

  @Override
  public Change disable(OperatorId id, Instant now) {
    return database.inTransaction(
        connection -> {
          List<Long> admins = lockEnabledAdmins();
          if (find(id).isEmpty()) {
            return Change.NOT_FOUND;
          }
          if (admins.equals(List.of(id.value()))) {
            return Change.LAST_ADMIN;
          }
          jdbc.update(
              "UPDATE operator SET disabled = TRUE, credentials_changed_at = ?"
                  + " WHERE id = ? AND NOT disabled",
              now,
              id.value());
          return Change.DONE;
        });
  }

  @Override
  public Change enable(OperatorId id) {
    int rows = jdbc.update("UPDATE operator SET disabled = FALSE WHERE id = ?", id.value());
    return rows == 0 ? Change.NOT_FOUND : Change.DONE;
  }

  @Override
  public void saveInvite(OperatorId id, String token, Instant expiresAt) {
    database.inTransaction(
        connection -> {
          if (find(id).isEmpty()) {
            throw new NotFoundException("no operator " + id);
          }
          jdbc.update("DELETE FROM operator_invite WHERE operator_id = ?", id.value());
          return jdbc.update(
              "INSERT INTO operator_invite (token_hash, operator_id, expires_at) VALUES (?, ?, ?)",
              Sha256.hex(token),
              id.value(),
              expiresAt);
        });
  }

  @Override
  public Optional<Operator> findByInvite(String token, Instant now) {
    return jdbc.queryOne(
            SELECT
                + " JOIN operator_invite i ON i.operator_id = o.id WHERE i.token_hash = ?"
                + " AND i.used_at IS NULL AND i.expires_at > ? AND NOT o.disabled",
            JdbcOperatorStore::credentials,
            Sha256.hex(token),
            now)
        .map(Credentials::operator);
  }

  @Override
  public Optional<Operator> redeemInvite(String token, String passwordHash, Instant now) {
    String tokenHash = Sha256.hex(token);
    return database.inTransaction(
        connection -> {
          // Guarded on used_at: of two uses at once, the second waits for the first's row lock,
          // then finds the token used.
          int used =
              jdbc.update(
                  "UPDATE operator_invite SET used_at = ? WHERE token_hash = ?"
                      + " AND used_at IS NULL AND expires_at > ?"
                      + " AND operator_id IN (SELECT id FROM operator WHERE NOT disabled)",
                  now,
                  tokenHash,
                  now);
          if (used == 0) {
            return Optional.empty();
          }
          OperatorId id =
              new OperatorId(
                  jdbc.queryLong(
                      "SELECT operator_id FROM operator_invite WHERE token_hash = ?", tokenHash));
          setPassword(id, passwordHash, now);
          return find(id);
        });
  }

  /**
   * The ids of the enabled admins, their rows locked until the transaction ends. Read again after
   * the lock: a guarded change that waited for another sees what the other committed.
   */
  private List<Long> lockEnabledAdmins() {
    String enabledAdmins = "SELECT id FROM operator WHERE role = ? AND NOT disabled ORDER BY id";
    jdbc.query(enabledAdmins + " FOR UPDATE", row -> row.getLong("id"), OperatorRole.ADMIN.word());
    return jdbc.query(enabledAdmins, row -> row.getLong("id"), OperatorRole.ADMIN.word());
  }

  private static Credentials credentials(ResultSet row) throws SQLException {
    String role = row.getString("role");
    String passwordHash = row.getString("password_hash");
    Operator operator =
        new Operator(
            new OperatorId(row.getLong("id")),
            row.getString("email"),
            row.getString("display_name"),
            OperatorRole.fromWord(role)
                .orElseThrow(() -> new SQLException("unknown operator role " + role)),
            passwordHash != null,
            row.getBoolean("disabled"),
            Jdbc.instant(row, "created_at"),
            row.getString("created_by"),
            Jdbc.instant(row, "credentials_changed_at"));
    return new Credentials(operator, passwordHash);
  }
}

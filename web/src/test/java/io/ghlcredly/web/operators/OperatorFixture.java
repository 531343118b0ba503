package io.ghlcredly.web.operators;

import io.ghlcredly.core.model.Operator;
import io.ghlcredly.core.model.OperatorRole;
import io.ghlcredly.storage.Database;
import io.ghlcredly.storage.JdbcAdminSessionStore;
import io.ghlcredly.storage.JdbcOperatorStore;
import io.ghlcredly.storage.TestDatabases;
import io.ghlcredly.testkit.time.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The operator services on the real JDBC stores over a fresh H2 database, with a clock the test
 * moves and a real Argon2id encoder that counts its checks.
 */
abstract class OperatorFixture {
  static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
  static final String PASSWORD = "correct horse battery";
  static final String ADDRESS = "203.0.113.7";

  @TempDir Path folder;
  final MutableClock clock = MutableClock.at(T0);
  final AtomicInteger checks = new AtomicInteger();
  Database database;
  JdbcOperatorStore store;
  JdbcAdminSessionStore sessions;
  OperatorServices services;

  @BeforeEach
  void openServices() {
    database = TestDatabases.h2(folder);
    store = new JdbcOperatorStore(database);
    sessions = new JdbcAdminSessionStore(database);
    services =
        OperatorServices.create(store, sessions, new PasswordHasher(new CountingEncoder()), clock);
    checks.set(0);
  }

  @AfterEach
  @SuppressWarnings("NullAway") // null when opening failed
  void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  /** An operator invited by the CLI, with the role, who has not set a password. */
  Operator invited(String email, OperatorRole role) {
    InviteResult result = services.operators().invite(email, null, role, "cli");
    return ((InviteResult.Invited) result).operator();
  }

  /** An operator who set {@link #PASSWORD} with their link. */
  Operator active(String email, OperatorRole role) {
    InviteResult.Invited invited =
        (InviteResult.Invited) services.operators().invite(email, null, role, "cli");
    SetPasswordResult set = services.passwords().setPasswordWithInvite(invited.token(), PASSWORD);
    return ((SetPasswordResult.PasswordSet) set).operator();
  }

  private final class CountingEncoder implements PasswordEncoder {
    private final PasswordEncoder argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

    @Override
    public @Nullable String encode(@Nullable CharSequence rawPassword) {
      return argon2.encode(rawPassword);
    }

    @Override
    public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
      checks.incrementAndGet();
      return argon2.matches(rawPassword, encodedPassword);
    }
  }
}

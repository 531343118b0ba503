package io.ghlcredly.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.model.OperatorId;
import io.ghlcredly.core.model.OperatorRole;
import io.ghlcredly.core.port.AdminSessionStore;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What {@link JdbcAdminSessionStore} must do, on each database. */
public abstract class AdminSessionStoreContract extends StoreFixture {
  private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");

  @Test
  void findsASessionOnAnotherStoreOverTheSameDatabase() {
    new JdbcAdminSessionStore(database).create("session-a", "csrf-a", null, T0);

    assertThat(new JdbcAdminSessionStore(database).find("session-a"))
        .contains(new AdminSessionStore.StoredSession("csrf-a", null, T0, T0));
    assertThat(new JdbcAdminSessionStore(database).find("session-b")).isEmpty();
  }

  @Test
  void keepsOnlyAHashOfTheSessionId() {
    JdbcAdminSessionStore store = new JdbcAdminSessionStore(database);
    store.create("the-session-id", "csrf", null, T0);

    String key =
        new Jdbc(database)
            .queryOne("SELECT id_hash FROM admin_session", row -> row.getString("id_hash"))
            .orElseThrow();

    assertThat(key).hasSize(64).doesNotContain("the-session-id");
    assertThat(store.find(key)).isEmpty();
  }

  @Test
  void touchMovesTheLastUseOnlyForward() {
    JdbcAdminSessionStore store = new JdbcAdminSessionStore(database);
    store.create("session", "csrf", null, T0);

    store.touch("session", T0.plus(Duration.ofMinutes(5)));
    store.touch("session", T0.plus(Duration.ofMinutes(2)));

    assertThat(store.find("session").map(AdminSessionStore.StoredSession::lastSeen))
        .contains(T0.plus(Duration.ofMinutes(5)));
    assertThat(store.find("session").map(AdminSessionStore.StoredSession::createdAt))
        .as("using a session does not extend its whole life")
        .contains(T0);
  }

  @Test
  void deletesOneSessionOrEveryIdleOne() {
    JdbcAdminSessionStore store = new JdbcAdminSessionStore(database);
    store.create("old", "csrf-1", null, T0);
    store.create("recent", "csrf-2", null, T0.plus(Duration.ofHours(2)));
    store.create("logged-out", "csrf-3", null, T0.plus(Duration.ofHours(2)));

    store.delete("logged-out");
    int evicted = store.deleteIdleSince(T0.plus(Duration.ofHours(1)));

    assertThat(evicted).isEqualTo(1);
    assertThat(store.count()).isEqualTo(1);
    assertThat(store.find("recent")).isPresent();
    assertThat(store.find("old")).isEmpty();
  }

  @Test
  void endsEverySessionOfOneOperatorAndNoOtherSession() {
    JdbcOperatorStore operators = new JdbcOperatorStore(database);
    OperatorId ada =
        operators.add("ada@example.com", null, OperatorRole.ADMIN, "cli", T0).orElseThrow().id();
    OperatorId bob =
        operators.add("bob@example.com", null, OperatorRole.VIEWER, "cli", T0).orElseThrow().id();
    JdbcAdminSessionStore store = new JdbcAdminSessionStore(database);
    store.create("ada-laptop", "csrf-1", ada, T0);
    store.create("ada-phone", "csrf-2", ada, T0.plus(Duration.ofMinutes(1)));
    store.create("bob", "csrf-3", bob, T0);
    store.create("token-login", "csrf-4", null, T0);

    int ended = store.deleteForOperator(ada);

    assertThat(ended).isEqualTo(2);
    assertThat(store.find("ada-laptop")).isEmpty();
    assertThat(store.find("ada-phone")).isEmpty();
    assertThat(store.find("bob"))
        .contains(new AdminSessionStore.StoredSession("csrf-3", bob, T0, T0));
    assertThat(store.find("token-login")).isPresent();
  }
}

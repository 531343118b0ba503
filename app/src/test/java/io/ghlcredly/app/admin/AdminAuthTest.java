package io.ghlcredly.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.model.Secret;
import io.ghlcredly.storage.Database;
import io.ghlcredly.storage.Jdbc;
import io.ghlcredly.storage.JdbcAdminSessionStore;
import io.ghlcredly.storage.TestDatabases;
import io.ghlcredly.web.WebhookRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminAuthTest {
  private static final String TOKEN = "an-admin-token-of-some-length";
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-11-30T08:00:00Z"));
  @TempDir Path folder;
  private Database database;
  private AdminAuth auth;

  @BeforeEach
  void openDatabase() {
    database = TestDatabases.h2(folder);
    auth = instance();
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  /** An instance's view of the sessions: its own store over the shared database. */
  private AdminAuth instance() {
    return new AdminAuth(Secret.of(TOKEN), new JdbcAdminSessionStore(database), () -> now.get());
  }

  @Test
  void allowsOnlyTheExactBearerToken() {
    assertThat(auth.bearerAllowed(request(Map.of("authorization", "Bearer " + TOKEN)))).isTrue();
    assertThat(auth.bearerAllowed(request(Map.of("authorization", "bearer " + TOKEN)))).isTrue();
    assertThat(auth.bearerAllowed(request(Map.of("authorization", "Bearer " + TOKEN + "x"))))
        .isFalse();
    assertThat(auth.bearerAllowed(request(Map.of("authorization", "Basic " + TOKEN)))).isFalse();
    assertThat(auth.bearerAllowed(request(Map.of("authorization", "Bearer")))).isFalse();
    assertThat(auth.bearerAllowed(request(Map.of()))).isFalse();
  }

  @Test
  void startsASessionWithRandomIdsOnlyForTheRightToken() {
    assertThat(auth.login("wrong")).isEmpty();

    AdminAuth.Session session = auth.login(TOKEN).orElseThrow();
    AdminAuth.Session other = auth.login(TOKEN).orElseThrow();

    assertThat(session.id()).isNotEqualTo(other.id()).doesNotContain(TOKEN).hasSizeGreaterThan(40);
    assertThat(session.csrfToken()).isNotEqualTo(session.id()).isNotEqualTo(other.csrfToken());
    assertThat(auth.session(withCookie(session.id())))
        .map(AdminAuth.Session::id)
        .contains(session.id());
    assertThat(auth.session(withCookie("forged"))).isEmpty();
    assertThat(auth.session(withCookie(""))).isEmpty();
    assertThat(AdminAuth.csrfAllowed(session, session.csrfToken())).isTrue();
    assertThat(AdminAuth.csrfAllowed(session, other.csrfToken())).isFalse();
    assertThat(AdminAuth.csrfAllowed(session, "")).isFalse();
  }

  @Test
  void endsASessionAfterItsIdleTimeOrALogout() {
    AdminAuth.Session kept = auth.login(TOKEN).orElseThrow();
    AdminAuth.Session idle = auth.login(TOKEN).orElseThrow();
    AdminAuth.Session loggedOut = auth.login(TOKEN).orElseThrow();
    auth.logout(loggedOut);

    now.set(now.get().plus(AdminAuth.SESSION_IDLE.minus(Duration.ofMinutes(1))));
    assertThat(auth.session(withCookie(kept.id()))).isPresent();
    now.set(now.get().plus(Duration.ofMinutes(2)));

    assertThat(auth.session(withCookie(kept.id()))).isPresent();
    assertThat(auth.session(withCookie(idle.id()))).isEmpty();
    assertThat(auth.session(withCookie(loggedOut.id()))).isEmpty();
  }

  @Test
  void aSessionStartedOnOneInstanceWorksOnAnotherAndEndsOnAll() {
    AdminAuth other = instance();
    AdminAuth.Session session = auth.login(TOKEN).orElseThrow();

    assertThat(other.session(withCookie(session.id())))
        .map(AdminAuth.Session::csrfToken)
        .contains(session.csrfToken());
    other.logout(session);

    assertThat(auth.session(withCookie(session.id()))).isEmpty();
  }

  @Test
  void aSessionUsedOnAnotherInstanceStaysAliveOnAll() {
    AdminAuth other = instance();
    AdminAuth.Session session = auth.login(TOKEN).orElseThrow();

    now.set(now.get().plus(AdminAuth.SESSION_IDLE.minus(Duration.ofMinutes(1))));
    assertThat(other.session(withCookie(session.id()))).isPresent();
    now.set(now.get().plus(Duration.ofMinutes(2)));

    assertThat(auth.session(withCookie(session.id()))).isPresent();
  }

  @Test
  void theDatabaseHoldsNoSessionIdThatABrowserCouldPresent() {
    AdminAuth.Session session = auth.login(TOKEN).orElseThrow();

    String stored =
        new Jdbc(database)
            .queryOne("SELECT id_hash FROM admin_session", row -> row.getString("id_hash"))
            .orElseThrow();

    assertThat(stored).isNotEqualTo(session.id()).doesNotContain(session.id());
    assertThat(auth.session(withCookie(stored))).isEmpty();
  }

  private static WebhookRequest withCookie(String id) {
    return request(Map.of("cookie", "other=1; " + AdminAuth.COOKIE + "=" + id));
  }

  private static WebhookRequest request(Map<String, String> headers) {
    return new WebhookRequest(
        "GET",
        "/admin",
        headers,
        new WebhookRequest.Body.Complete(new WebhookRequest.RawBytes(new byte[0])));
  }
}

package io.ghlcredly.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.app.web.WebhookRequest;
import io.ghlcredly.core.model.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AdminAuthTest {
  private static final String TOKEN = "an-admin-token-of-some-length";
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-11-30T08:00:00Z"));
  private final AdminAuth auth = new AdminAuth(Secret.of(TOKEN), () -> now.get());

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

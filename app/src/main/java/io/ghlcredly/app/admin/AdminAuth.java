package io.ghlcredly.app.admin;

import io.ghlcredly.app.web.WebhookRequest;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.core.port.AdminSessionStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Optional;

/**
 * Who may use the admin API and dashboard: a request bearing the admin token, or a browser holding
 * a session cookie that a login with the token created. Session ids and CSRF tokens are random and
 * never derived from the admin token. Sessions live in the database ({@link AdminSessionStore}), so
 * a browser stays signed in on every instance and across restarts. Thread-safe.
 */
final class AdminAuth {
  static final String COOKIE = "gcs_admin_session";
  static final Duration SESSION_IDLE = Duration.ofHours(8);
  private static final int MAX_SESSIONS = 1_000;

  /** A session's last use is written at most this often: a page refresh costs no write. */
  static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private static final String BEARER = "Bearer ";

  private final byte[] tokenDigest;
  private final InstantSource clock;
  private final SecureRandom random = new SecureRandom();
  private final AdminSessionStore sessions;

  AdminAuth(Secret token, AdminSessionStore sessions, InstantSource clock) {
    this.tokenDigest = digest(token.reveal());
    this.sessions = sessions;
    this.clock = clock;
  }

  /** A logged-in browser: its id (the cookie value) and the token its forms must carry. */
  record Session(String id, String csrfToken, Instant lastSeen) {}

  /** Whether the request carries {@code Authorization: Bearer <admin token>}. */
  boolean bearerAllowed(WebhookRequest request) {
    String header = request.headers().get("authorization");
    return header != null
        && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
        && matches(header.substring(BEARER.length()).trim());
  }

  /** Compares in constant time; hashing first means the length does not leak either. */
  boolean matches(String presented) {
    return MessageDigest.isEqual(tokenDigest, digest(presented));
  }

  /** A new session when the presented token is right. */
  Optional<Session> login(String presented) {
    if (!matches(presented)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    sessions.deleteIdleSince(now.minus(SESSION_IDLE));
    if (sessions.count() >= MAX_SESSIONS) {
      return Optional.empty();
    }
    Session session = new Session(randomId(), randomId(), now);
    sessions.create(session.id(), session.csrfToken(), null, now);
    return Optional.of(session);
  }

  /** The live session named by the request's cookie, its idle time restarted. */
  Optional<Session> session(WebhookRequest request) {
    String id = Cookies.value(request, COOKIE);
    if (id == null || id.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<AdminSessionStore.StoredSession> found = sessions.find(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Instant lastSeen = found.get().lastSeen();
    if (lastSeen.plus(SESSION_IDLE).isBefore(now)) {
      sessions.delete(id);
      return Optional.empty();
    }
    if (!lastSeen.plus(TOUCH_EVERY).isAfter(now)) {
      sessions.touch(id, now);
    }
    return Optional.of(new Session(id, found.get().csrfToken(), now));
  }

  void logout(Session session) {
    sessions.delete(session.id());
  }

  /** Whether a form's CSRF field matches its session's token, in constant time. */
  static boolean csrfAllowed(Session session, String presented) {
    return MessageDigest.isEqual(
        session.csrfToken().getBytes(StandardCharsets.UTF_8),
        presented.getBytes(StandardCharsets.UTF_8));
  }

  private String randomId() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] digest(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}

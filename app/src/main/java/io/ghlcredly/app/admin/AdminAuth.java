package io.ghlcredly.app.admin;

import io.ghlcredly.app.web.WebhookRequest;
import io.ghlcredly.core.model.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may use the admin API and dashboard: a request bearing the admin token, or a browser holding
 * a session cookie that a login with the token created. Session ids and CSRF tokens are random and
 * never derived from the admin token. Sessions live in memory, so they end with the process.
 * Thread-safe.
 */
final class AdminAuth {
  static final String COOKIE = "gcs_admin_session";
  static final Duration SESSION_IDLE = Duration.ofHours(8);
  private static final int MAX_SESSIONS = 1_000;
  private static final String BEARER = "Bearer ";

  private final byte[] tokenDigest;
  private final InstantSource clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  AdminAuth(Secret token, InstantSource clock) {
    this.tokenDigest = digest(token.reveal());
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
    evictExpired();
    if (sessions.size() >= MAX_SESSIONS) {
      return Optional.empty();
    }
    Session session = new Session(randomId(), randomId(), clock.instant());
    sessions.put(session.id(), session);
    return Optional.of(session);
  }

  /** The live session named by the request's cookie, its idle time restarted. */
  Optional<Session> session(WebhookRequest request) {
    String id = Cookies.value(request, COOKIE);
    if (id == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Session found = sessions.get(id);
    if (found == null || found.lastSeen().plus(SESSION_IDLE).isBefore(now)) {
      sessions.remove(id);
      return Optional.empty();
    }
    Session touched = new Session(found.id(), found.csrfToken(), now);
    sessions.put(id, touched);
    return Optional.of(touched);
  }

  void logout(Session session) {
    sessions.remove(session.id());
  }

  /** Whether a form's CSRF field matches its session's token, in constant time. */
  static boolean csrfAllowed(Session session, String presented) {
    return MessageDigest.isEqual(
        session.csrfToken().getBytes(StandardCharsets.UTF_8),
        presented.getBytes(StandardCharsets.UTF_8));
  }

  private void evictExpired() {
    Instant oldest = clock.instant().minus(SESSION_IDLE);
    sessions.values().removeIf(session -> session.lastSeen().isBefore(oldest));
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

package io.ghlcredly.web.admin;

import io.ghlcredly.core.model.Operator;
import io.ghlcredly.core.model.OperatorId;
import io.ghlcredly.core.model.OperatorRole;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.core.model.WorkspaceId;
import io.ghlcredly.core.port.AdminSessionStore;
import io.ghlcredly.web.Actor;
import io.ghlcredly.web.operators.Operators;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Who is asking: the admin token (automation, admin API only) or a signed-in operator's browser
 * session. A session is a random id in an HttpOnly, SameSite=Strict cookie, kept in the database as
 * a hash so it works on every instance; it ends after 8 hours idle, 12 hours after sign-in whatever
 * happens, at sign-out, and when its operator is disabled or changes password. Session ids and CSRF
 * tokens are random and never derived from a secret. Thread-safe.
 */
public final class AdminAccess {
  static final String COOKIE = "gcs_session";
  static final Duration IDLE = Duration.ofHours(8);
  static final Duration LIFETIME = Duration.ofHours(12);

  /** A session's last use is written at most this often: a page refresh costs no write. */
  static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private static final int MAX_SESSIONS = 10_000;
  private static final String BEARER = "Bearer ";

  private final byte @Nullable [] tokenDigest;
  private final AdminSessionStore sessions;
  private final Operators operators;
  private final InstantSource clock;
  private final boolean secureCookie;
  private final Function<OperatorId, Set<WorkspaceId>> limits;
  private final SecureRandom random = new SecureRandom();

  public AdminAccess(
      @Nullable Secret adminToken,
      AdminSessionStore sessions,
      Operators operators,
      InstantSource clock,
      boolean secureCookie,
      Function<OperatorId, Set<WorkspaceId>> limits) {
    this.limits = limits;
    this.tokenDigest = adminToken == null ? null : digest(adminToken.reveal());
    this.sessions = sessions;
    this.operators = operators;
    this.clock = clock;
    this.secureCookie = secureCookie;
  }

  /**
   * A signed-in browser: its id (the cookie value), the token its forms carry, its operator and the
   * workspaces they may see, read at this request (empty: every workspace).
   */
  public record Session(
      String id, String csrfToken, Operator operator, Set<WorkspaceId> workspaces) {
    public Actor actor() {
      return new Actor(operator.email(), operator.role(), workspaces);
    }
  }

  /** The admin token's actor when the request bears {@code Authorization: Bearer <token>}. */
  Optional<Actor> bearer(Context ctx) {
    String header = ctx.header("Authorization");
    byte[] expected = tokenDigest;
    if (expected == null
        || header == null
        || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    // Hashing first: the comparison takes the same time whatever the length presented.
    boolean matches =
        MessageDigest.isEqual(expected, digest(header.substring(BEARER.length()).trim()));
    return matches
        ? Optional.of(new Actor(Actor.ADMIN_TOKEN, OperatorRole.ADMIN))
        : Optional.empty();
  }

  /** Whether the request tried a bearer token at all (a wrong one is a 401, not a sign-in page). */
  static boolean triedBearer(Context ctx) {
    String header = ctx.header("Authorization");
    return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
  }

  /** The live session named by the request's cookie, its idle time restarted. */
  public Optional<Session> session(Context ctx) {
    String id = ctx.cookie(COOKIE);
    if (id == null || id.isEmpty() || id.length() > 100) {
      return Optional.empty();
    }
    Optional<AdminSessionStore.StoredSession> found = sessions.find(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    AdminSessionStore.StoredSession stored = found.get();
    Instant now = clock.instant();
    Optional<Operator> operator = operators.operatorOf(stored);
    boolean expired =
        stored.lastSeen().plus(IDLE).isBefore(now)
            || stored.createdAt().plus(LIFETIME).isBefore(now)
            || operator.isEmpty()
            || operator.get().disabled()
            || operator.get().credentialsChangedAt().isAfter(stored.createdAt());
    if (expired) {
      sessions.delete(id);
      return Optional.empty();
    }
    if (!stored.lastSeen().plus(TOUCH_EVERY).isAfter(now)) {
      sessions.touch(id, now);
    }
    return Optional.of(
        new Session(id, stored.csrfToken(), operator.get(), limitsOf(operator.get())));
  }

  /** Starts a session for an operator who just proved who they are, and sets its cookie. */
  Optional<Session> start(Context ctx, Operator operator) {
    Instant now = clock.instant();
    sessions.deleteIdleSince(now.minus(IDLE));
    if (sessions.count() >= MAX_SESSIONS) {
      return Optional.empty();
    }
    Session session = new Session(randomId(), randomId(), operator, limitsOf(operator));
    sessions.create(session.id(), session.csrfToken(), operator.id(), now);
    ctx.cookie(cookie(session.id(), (int) IDLE.toSeconds()));
    return Optional.of(session);
  }

  /** Admins see every workspace whatever was recorded for them. */
  private Set<WorkspaceId> limitsOf(Operator operator) {
    return operator.role().includes(OperatorRole.ADMIN) ? Set.of() : limits.apply(operator.id());
  }

  void end(Context ctx, Session session) {
    sessions.delete(session.id());
    ctx.cookie(cookie("", 0));
  }

  /** Whether a form's or header's CSRF token matches its session's, in constant time. */
  static boolean csrfMatches(Session session, @Nullable String presented) {
    return presented != null
        && MessageDigest.isEqual(
            session.csrfToken().getBytes(StandardCharsets.UTF_8),
            presented.getBytes(StandardCharsets.UTF_8));
  }

  private Cookie cookie(String value, int maxAgeSeconds) {
    return new Cookie(COOKIE, value, "/", maxAgeSeconds, secureCookie, true, null, SameSite.STRICT);
  }

  String randomId() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static byte[] digest(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}

package io.ghlcredly.core.port;

import io.ghlcredly.core.model.OperatorId;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Signed-in dashboard sessions, kept where every instance sees them, so that a browser behind a
 * load balancer stays signed in whichever instance answers. Implementations keep a one-way hash of
 * the session id, never the id itself. Thread-safe.
 */
public interface AdminSessionStore {
  /**
   * A stored session.
   *
   * @param csrfToken the token its forms must carry
   * @param operatorId whose session it is; null for a session opened with the admin token
   * @param createdAt when it was created: for a lifetime that using it does not extend
   * @param lastSeen when it was last used
   */
  record StoredSession(
      String csrfToken, @Nullable OperatorId operatorId, Instant createdAt, Instant lastSeen) {}

  /** Stores a new session of the operator (null: of the admin token), created at {@code now}. */
  void create(String sessionId, String csrfToken, @Nullable OperatorId operatorId, Instant now);

  /** The session, if stored (idle or not: the caller decides what idle means). */
  Optional<StoredSession> find(String sessionId);

  /** Records that the session was used at {@code now}. */
  void touch(String sessionId, Instant now);

  /** Ends the session; nothing happens when it is not stored. */
  void delete(String sessionId);

  /** Ends every session of the operator; returns how many. */
  int deleteForOperator(OperatorId operatorId);

  /** Forgets every session last seen before {@code before}; returns how many. */
  int deleteIdleSince(Instant before);

  /** Sessions stored, idle or not. */
  long count();
}

package io.ghlcredly.core.port;

import java.time.Instant;
import java.util.Optional;

/**
 * Signed-in dashboard sessions, kept where every instance sees them, so that a browser behind a
 * load balancer stays signed in whichever instance answers. Implementations keep a one-way hash of
 * the session id, never the id itself. Thread-safe.
 */
public interface AdminSessionStore {
  /** A stored session: the token its forms must carry and when it was last used. */
  record StoredSession(String csrfToken, Instant lastSeen) {}

  /** Stores a new session, last seen at {@code now}. */
  void create(String sessionId, String csrfToken, Instant now);

  /** The session, if stored (idle or not: the caller decides what idle means). */
  Optional<StoredSession> find(String sessionId);

  /** Records that the session was used at {@code now}. */
  void touch(String sessionId, Instant now);

  /** Ends the session; nothing happens when it is not stored. */
  void delete(String sessionId);

  /** Forgets every session last seen before {@code before}; returns how many. */
  int deleteIdleSince(Instant before);

  /** Sessions stored, idle or not. */
  long count();
}

package io.ghlcredly.core.port;

import java.util.Optional;

/**
 * Named positions of polling passes (e.g. the newest {@code dateUpdated} a reconciliation pass has
 * made durable), so that the next pass, on any instance, resumes there. Thread-safe.
 */
public interface CursorStore {
  Optional<String> find(String name);

  /** Inserts or replaces the position of the cursor. */
  void save(String name, String position);
}

package io.ghlcredly.core.port;

import io.ghlcredly.core.model.DeadLetter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Failed work kept for operators and replay. Thread-safe. */
public interface DeadLetterStore {
  /** Stores the dead letter and returns it with its assigned id. */
  DeadLetter add(DeadLetter deadLetter);

  Optional<DeadLetter> find(long id);

  /** Newest first. */
  List<DeadLetter> listRecent(int limit);

  void markReplayed(long id, Instant replayedAt);

  long count();
}

package io.ghlcredly.app.admin;

import io.ghlcredly.core.model.DeadLetter;
import io.ghlcredly.core.sync.DeadLetterReplayer;
import io.ghlcredly.core.sync.DeadLetterReplayer.Outcome;
import io.ghlcredly.storage.JdbcDeadLetterStore;
import io.ghlcredly.storage.LocationFilter;
import io.ghlcredly.web.admin.AdminViews;
import java.util.Comparator;
import java.util.List;

/**
 * What operators can change from the admin surface: replaying dead letters, through the same {@link
 * DeadLetterReplayer} as the {@code dead-letters replay} command, only those of contacts in the
 * caller's scope. Thread-safe.
 */
final class AdminActions {
  static final String REPLAYED = "replayed";
  static final String ALREADY_REPLAYED = "already-replayed";
  static final String NOT_FOUND = "not-found";

  /** As many as {@code replayAll} looks at. */
  private static final int ALL_LIMIT = 10_000;

  private final DeadLetterReplayer replayer;
  private final JdbcDeadLetterStore deadLetters;

  AdminActions(DeadLetterReplayer replayer, JdbcDeadLetterStore deadLetters) {
    this.replayer = replayer;
    this.deadLetters = deadLetters;
  }

  AdminViews.Replay replay(long id, boolean force) {
    return view(replayer.replay(id, force));
  }

  /** Replays the scope's dead letters not replayed yet (every one with force), oldest first. */
  List<AdminViews.Replay> replayAll(LocationFilter filter, boolean force) {
    if (filter.isAll()) {
      return replayer.replayAll(force).stream().map(AdminActions::view).toList();
    }
    return deadLetters.listRecent(ALL_LIMIT, filter).stream()
        .filter(letter -> force || letter.replayedAt() == null)
        .sorted(Comparator.comparing(DeadLetter::createdAt).thenComparingLong(DeadLetter::id))
        .map(letter -> view(replayer.replay(letter.id(), force)))
        .toList();
  }

  static AdminViews.Replay notFound(long id) {
    return new AdminViews.Replay(id, NOT_FOUND, null);
  }

  private static AdminViews.Replay view(Outcome outcome) {
    return switch (outcome) {
      case Outcome.Replayed replayed ->
          new AdminViews.Replay(
              replayed.id(), REPLAYED, AdminReadModel.deadLetter(replayed.deadLetter()));
      case Outcome.AlreadyReplayed already ->
          new AdminViews.Replay(
              already.id(), ALREADY_REPLAYED, AdminReadModel.deadLetter(already.deadLetter()));
      case Outcome.NotFound missing -> notFound(missing.id());
    };
  }
}

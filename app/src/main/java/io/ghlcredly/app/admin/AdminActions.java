package io.ghlcredly.app.admin;

import io.ghlcredly.core.sync.DeadLetterReplayer;
import io.ghlcredly.core.sync.DeadLetterReplayer.Outcome;
import io.ghlcredly.web.admin.AdminViews;
import java.util.List;

/**
 * What operators can change from the admin surface: replaying dead letters, through the same {@link
 * DeadLetterReplayer} as the {@code dead-letters replay} command. Thread-safe.
 */
final class AdminActions {
  static final String REPLAYED = "replayed";
  static final String ALREADY_REPLAYED = "already-replayed";
  static final String NOT_FOUND = "not-found";

  private final DeadLetterReplayer replayer;

  AdminActions(DeadLetterReplayer replayer) {
    this.replayer = replayer;
  }

  AdminViews.Replay replay(long id, boolean force) {
    return view(replayer.replay(id, force));
  }

  List<AdminViews.Replay> replayAll(boolean force) {
    return replayer.replayAll(force).stream().map(AdminActions::view).toList();
  }

  private static AdminViews.Replay view(Outcome outcome) {
    return switch (outcome) {
      case Outcome.Replayed replayed ->
          new AdminViews.Replay(
              replayed.id(), REPLAYED, AdminReadModel.deadLetter(replayed.deadLetter()));
      case Outcome.AlreadyReplayed already ->
          new AdminViews.Replay(
              already.id(), ALREADY_REPLAYED, AdminReadModel.deadLetter(already.deadLetter()));
      case Outcome.NotFound missing -> new AdminViews.Replay(missing.id(), NOT_FOUND, null);
    };
  }
}

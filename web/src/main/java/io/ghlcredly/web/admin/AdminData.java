package io.ghlcredly.web.admin;

import io.ghlcredly.web.Actor;
import java.util.List;

/**
 * What the admin API and the pages read and change, supplied by the application. Changes name the
 * {@link Actor} who asked, so the change log can say who did what. Thread-safe.
 */
public interface AdminData {
  AdminViews.Accounts accounts();

  List<AdminViews.Rule> rules();

  List<AdminViews.Event> events(int limit);

  List<AdminViews.JournalEntry> journal(int limit);

  List<AdminViews.DeadLetter> deadLetters(int limit);

  List<AdminViews.ImportRun> imports();

  List<AdminViews.RateLimit> rateLimits();

  AdminViews.Jobs jobs();

  AdminViews.Activity activity();

  /** The newest changes made through the browser or the admin API, newest first. */
  List<AdminViews.Change> changes(int limit);

  /** Replays one dead letter; {@code result} says {@code not-found} for an unknown id. */
  AdminViews.Replay replay(long id, boolean force, Actor actor);

  List<AdminViews.Replay> replayAll(boolean force, Actor actor);

  /** Records a change that is not a replay (operators, installs), for the change log. */
  void record(Actor actor, String action, String subject);
}

package io.ghlcredly.web.admin;

import io.ghlcredly.web.Actor;
import io.ghlcredly.web.Scope;
import java.util.List;

/**
 * What the admin API and the pages read and change, supplied by the application, each read limited
 * to a {@link Scope} of workspaces. Changes name the {@link Actor} who asked, so the change log can
 * say who did what. Thread-safe.
 */
public interface AdminData {
  AdminViews.Accounts accounts(Scope scope);

  List<AdminViews.Rule> rules(Scope scope);

  List<AdminViews.Event> events(Scope scope, int limit);

  List<AdminViews.JournalEntry> journal(Scope scope, int limit);

  List<AdminViews.DeadLetter> deadLetters(Scope scope, int limit);

  List<AdminViews.ImportRun> imports(Scope scope);

  List<AdminViews.RateLimit> rateLimits(Scope scope);

  AdminViews.Jobs jobs(Scope scope);

  AdminViews.Activity activity(Scope scope);

  /**
   * The newest changes made through the browser or the admin API, newest first; with a limited
   * scope, only the changes on contacts in it.
   */
  List<AdminViews.Change> changes(Scope scope, int limit);

  /**
   * Replays one dead letter; {@code result} says {@code not-found} for an unknown id or one out of
   * scope.
   */
  AdminViews.Replay replay(Scope scope, long id, boolean force, Actor actor);

  /** Replays every dead letter in scope not replayed yet (every one with {@code force}). */
  List<AdminViews.Replay> replayAll(Scope scope, boolean force, Actor actor);

  /** Records a change that is not a replay (operators, installs), for the change log. */
  void record(Actor actor, String action, String subject);
}

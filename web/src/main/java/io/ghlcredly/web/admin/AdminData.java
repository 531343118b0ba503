package io.ghlcredly.web.admin;

import io.ghlcredly.web.Actor;
import io.ghlcredly.web.Scope;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  /**
   * Contacts in scope whose id is {@code query}, or whose name or email contains it; the most
   * recently synced first.
   */
  List<AdminViews.Contact> contacts(Scope scope, String query, int limit);

  /** A contact and its timeline, newest first; empty when unknown or out of scope. */
  Optional<AdminViews.ContactTimeline> contact(Scope scope, String id, int limit);

  /**
   * The contacts of these ids that we have a snapshot of, by id, to show people instead of ids; the
   * ids come from rows already limited to the caller's scope.
   */
  Map<String, AdminViews.Contact> people(Collection<String> ids);

  /** Records a change that is not a replay (operators, installs), for the change log. */
  void record(Actor actor, String action, String subject);
}

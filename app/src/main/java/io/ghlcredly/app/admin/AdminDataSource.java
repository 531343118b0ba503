package io.ghlcredly.app.admin;

import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.port.ChangeLog;
import io.ghlcredly.web.Actor;
import io.ghlcredly.web.admin.AdminData;
import io.ghlcredly.web.admin.AdminViews;
import java.time.InstantSource;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The admin surface's data from the read model, the replayer and the change log: every replay is
 * recorded with who asked for it. Thread-safe.
 */
final class AdminDataSource implements AdminData {
  private final AdminReadModel views;
  private final AdminActions actions;
  private final ChangeLog changes;
  private final InstantSource clock;

  AdminDataSource(
      AdminReadModel views, AdminActions actions, ChangeLog changes, InstantSource clock) {
    this.views = views;
    this.actions = actions;
    this.changes = changes;
    this.clock = clock;
  }

  @Override
  public AdminViews.Accounts accounts() {
    return views.accounts();
  }

  @Override
  public List<AdminViews.Rule> rules() {
    return views.rules();
  }

  @Override
  public List<AdminViews.Event> events(int limit) {
    return views.events(limit);
  }

  @Override
  public List<AdminViews.JournalEntry> journal(int limit) {
    return views.journal(limit);
  }

  @Override
  public List<AdminViews.DeadLetter> deadLetters(int limit) {
    return views.deadLetters(limit);
  }

  @Override
  public List<AdminViews.ImportRun> imports() {
    return views.imports();
  }

  @Override
  public List<AdminViews.RateLimit> rateLimits() {
    return views.rateLimits();
  }

  @Override
  public AdminViews.Jobs jobs() {
    return views.jobs();
  }

  @Override
  public AdminViews.Activity activity() {
    return views.activity();
  }

  @Override
  public List<AdminViews.Change> changes(int limit) {
    return changes.listRecent(limit).stream()
        .map(
            change ->
                new AdminViews.Change(
                    change.at().toString(), change.actor(), change.action(), change.subject()))
        .toList();
  }

  @Override
  public AdminViews.Replay replay(long id, boolean force, Actor actor) {
    AdminViews.Replay replay = actions.replay(id, force);
    recordReplay(replay, actor);
    return replay;
  }

  @Override
  public List<AdminViews.Replay> replayAll(boolean force, Actor actor) {
    List<AdminViews.Replay> replays = actions.replayAll(force);
    replays.forEach(replay -> recordReplay(replay, actor));
    return replays;
  }

  private void recordReplay(AdminViews.Replay replay, Actor actor) {
    AdminViews.DeadLetter letter = replay.deadLetter();
    if (!replay.result().equals(AdminActions.REPLAYED) || letter == null) {
      return;
    }
    String contact = letter.contactId();
    record(actor, "replayed dead letter " + replay.id(), contact, contact);
  }

  @Override
  public void record(Actor actor, String action, String subject) {
    record(actor, action, subject, null);
  }

  private void record(Actor actor, String action, String subject, @Nullable String contact) {
    changes.record(
        new ChangeLog.Change(
            clock.instant(),
            actor.name(),
            action,
            subject,
            contact == null || contact.isBlank() ? null : new ContactId(contact)));
  }
}

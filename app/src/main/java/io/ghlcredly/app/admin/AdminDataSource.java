package io.ghlcredly.app.admin;

import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.port.ChangeLog;
import io.ghlcredly.core.port.DeadLetterStore;
import io.ghlcredly.storage.JdbcChangeLog;
import io.ghlcredly.web.Actor;
import io.ghlcredly.web.Scope;
import io.ghlcredly.web.admin.AdminData;
import io.ghlcredly.web.admin.AdminViews;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The admin surface's data from the read model, the replayer and the change log, limited to the
 * caller's scope: every replay is recorded with who asked for it. Thread-safe.
 */
final class AdminDataSource implements AdminData {
  private final AdminReadModel views;
  private final AdminActions actions;
  private final ReadScopes scopes;
  private final DeadLetterStore deadLetters;
  private final JdbcChangeLog changes;
  private final InstantSource clock;
  private final ContactReads contacts;

  AdminDataSource(
      AdminReadModel views,
      AdminActions actions,
      ReadScopes scopes,
      DeadLetterStore deadLetters,
      JdbcChangeLog changes,
      ContactReads contacts,
      InstantSource clock) {
    this.contacts = contacts;
    this.views = views;
    this.actions = actions;
    this.scopes = scopes;
    this.deadLetters = deadLetters;
    this.changes = changes;
    this.clock = clock;
  }

  @Override
  public AdminViews.Accounts accounts(Scope scope) {
    return views.accounts(scope);
  }

  @Override
  public List<AdminViews.Rule> rules(Scope scope) {
    return views.rules(scope);
  }

  @Override
  public List<AdminViews.Event> events(Scope scope, int limit) {
    return views.events(scope, limit);
  }

  @Override
  public List<AdminViews.JournalEntry> journal(Scope scope, int limit) {
    return views.journal(scope, limit);
  }

  @Override
  public List<AdminViews.DeadLetter> deadLetters(Scope scope, int limit) {
    return views.deadLetters(scope, limit);
  }

  @Override
  public List<AdminViews.ImportRun> imports(Scope scope) {
    return views.imports(scope);
  }

  @Override
  public List<AdminViews.RateLimit> rateLimits(Scope scope) {
    return views.rateLimits(scope);
  }

  @Override
  public AdminViews.Jobs jobs(Scope scope) {
    return views.jobs(scope);
  }

  @Override
  public AdminViews.Activity activity(Scope scope) {
    return views.activity(scope);
  }

  @Override
  public List<AdminViews.Change> changes(Scope scope, int limit) {
    return changes.listRecent(limit, scopes.filter(scope)).stream()
        .map(
            change ->
                new AdminViews.Change(
                    change.at().toString(), change.actor(), change.action(), change.subject()))
        .toList();
  }

  @Override
  public List<AdminViews.Contact> contacts(Scope scope, String query, int limit) {
    return contacts.search(scope, query, limit);
  }

  @Override
  public Optional<AdminViews.ContactTimeline> contact(Scope scope, String id, int limit) {
    return contacts.timeline(scope, id, limit);
  }

  @Override
  public Map<String, AdminViews.Contact> people(Collection<String> ids) {
    return contacts.people(ids);
  }

  @Override
  public AdminViews.Replay replay(Scope scope, long id, boolean force, Actor actor) {
    boolean inScope =
        scope.all()
            || deadLetters
                .find(id)
                .filter(letter -> scopes.coversContact(scope, letter.contactId()))
                .isPresent();
    if (!inScope) {
      return AdminActions.notFound(id);
    }
    AdminViews.Replay replay = actions.replay(id, force);
    recordReplay(replay, actor);
    return replay;
  }

  @Override
  public List<AdminViews.Replay> replayAll(Scope scope, boolean force, Actor actor) {
    List<AdminViews.Replay> replays = actions.replayAll(scopes.filter(scope), force);
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

package io.ghlcredly.core.sync;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.BadgeState;
import io.ghlcredly.core.model.BadgeTemplateId;
import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.ContactSnapshot;
import io.ghlcredly.core.model.ContactVersion;
import io.ghlcredly.core.model.DeadLetter;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.Issuance;
import io.ghlcredly.core.model.IssueBadgeCommand;
import io.ghlcredly.core.model.IssuedBadge;
import io.ghlcredly.core.model.JournalEntry;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.ReceivedEvent;
import io.ghlcredly.core.model.RuleId;
import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.core.model.TaskVersion;
import io.ghlcredly.core.port.ActionJournal;
import io.ghlcredly.core.port.BadgeGateway;
import io.ghlcredly.core.port.ContactChangeFeed;
import io.ghlcredly.core.port.CredentialRecords;
import io.ghlcredly.core.port.CrmGateway;
import io.ghlcredly.core.port.CrmWriter;
import io.ghlcredly.core.port.CursorStore;
import io.ghlcredly.core.port.DeadLetterStore;
import io.ghlcredly.core.port.EventInbox;
import io.ghlcredly.core.port.IssuanceLedger;
import io.ghlcredly.core.port.JobQueue;
import io.ghlcredly.core.port.SyncStateStore;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Plain in-memory implementations of the ports, for unit tests of the use cases. */
final class InMemoryPorts {
  private InMemoryPorts() {}

  static final class Inbox implements EventInbox {
    private final List<ReceivedEvent> events = new ArrayList<>();
    private final Set<Long> processed = new LinkedHashSet<>();
    private final Set<String> keys = new LinkedHashSet<>();

    @Override
    public synchronized boolean append(String source, SyncEvent event, String payload, Instant at) {
      if (!keys.add(source + "/" + event.eventId())) {
        return false;
      }
      events.add(new ReceivedEvent(events.size() + 1L, source, event, at));
      return true;
    }

    @Override
    public synchronized List<ReceivedEvent> listPending(ContactId contactId) {
      return events.stream()
          .filter(e -> e.event().contactId().equals(contactId) && !processed.contains(e.sequence()))
          .toList();
    }

    @Override
    public synchronized void markProcessed(Collection<Long> sequences, String outcome, Instant at) {
      processed.addAll(sequences);
    }

    @Override
    public synchronized List<ContactId> listContactsWithPendingBefore(Instant before, int limit) {
      return events.stream()
          .filter(e -> !processed.contains(e.sequence()) && e.receivedAt().isBefore(before))
          .map(e -> e.event().contactId())
          .distinct()
          .limit(limit)
          .toList();
    }

    @Override
    public synchronized List<ContactId> listContactsActiveSince(
        LocationId location, Instant since, int limit) {
      return events.stream()
          .filter(e -> !e.receivedAt().isBefore(since))
          .filter(
              e ->
                  e.event() instanceof SyncEvent.ContactEvent contactEvent
                      && contactEvent.locationId().equals(location))
          .map(e -> e.event().contactId())
          .distinct()
          .limit(limit)
          .toList();
    }

    @Override
    public synchronized boolean containsSubject(String eventType, String subjectId) {
      return events.stream()
          .anyMatch(
              e ->
                  e.event().type().equals(eventType)
                      && e.event() instanceof SyncEvent.TaskEvent task
                      && task.taskId().equals(subjectId));
    }

    @Override
    public synchronized List<ReceivedEvent> listByContact(ContactId contactId, int limit) {
      return events.reversed().stream()
          .filter(e -> e.event().contactId().equals(contactId))
          .limit(limit)
          .toList();
    }

    @Override
    public synchronized List<ContactId> reopen(Collection<EventId> eventIds) {
      List<ContactId> contacts = new ArrayList<>();
      for (ReceivedEvent e : events) {
        if (eventIds.contains(e.event().eventId()) && processed.remove(e.sequence())) {
          contacts.add(e.event().contactId());
        }
      }
      return contacts.stream().distinct().toList();
    }

    @Override
    public synchronized long countAccepted() {
      return events.size();
    }

    private final Map<Long, LocationId> held = new LinkedHashMap<>();

    @Override
    public synchronized void hold(
        Collection<Long> sequences, @Nullable LocationId location, Instant heldAt) {
      for (Long sequence : sequences) {
        if (processed.add(sequence) && location != null) {
          held.put(sequence, location);
        }
      }
    }

    @Override
    public synchronized List<ContactId> releaseHeld(LocationId location) {
      List<ContactId> contacts = new ArrayList<>();
      for (ReceivedEvent e : events) {
        if (location.equals(held.get(e.sequence()))) {
          held.remove(e.sequence());
          processed.remove(e.sequence());
          contacts.add(e.event().contactId());
        }
      }
      return contacts.stream().distinct().toList();
    }

    @Override
    public synchronized List<HeldLocation> listHeld() {
      Map<LocationId, Long> counts = new LinkedHashMap<>();
      held.values().forEach(location -> counts.merge(location, 1L, Long::sum));
      return counts.entrySet().stream()
          .map(e -> new HeldLocation(e.getKey(), e.getValue(), Instant.EPOCH, Instant.EPOCH))
          .toList();
    }
  }

  static final class Crm implements CrmGateway {
    final Map<ContactId, Contact> contacts = new HashMap<>();
    final Deque<RuntimeException> failures = new ArrayDeque<>();
    int reads;
    Runnable onRead = () -> {};

    @Override
    public Optional<Contact> findContact(LocationId locationId, ContactId contactId) {
      reads++;
      onRead.run();
      if (!failures.isEmpty()) {
        throw failures.pop();
      }
      return Optional.ofNullable(contacts.get(contactId));
    }
  }

  static final class Badges implements BadgeGateway {
    final List<IssuedBadge> issued = new ArrayList<>();
    final List<String> revoked = new ArrayList<>();
    final Deque<RuntimeException> failures = new ArrayDeque<>();
    int issueCalls;

    @Override
    public IssueResult issue(IssueBadgeCommand command) {
      issueCalls++;
      if (!failures.isEmpty()) {
        throw failures.pop();
      }
      Optional<IssuedBadge> held = findIssued(command.contactId(), command.templateId());
      if (held.isPresent()) {
        return new IssueResult.AlreadyIssued(held.get());
      }
      IssuedBadge badge =
          new IssuedBadge(
              "badge-" + (issued.size() + 1), command.templateId(), command.contactId(), "pending");
      issued.add(badge);
      return new IssueResult.Issued(badge);
    }

    @Override
    public Optional<IssuedBadge> findIssued(ContactId contactId, BadgeTemplateId templateId) {
      return issued.stream()
          .filter(b -> b.contactId().equals(contactId) && b.templateId().equals(templateId))
          .filter(b -> !b.state().equals("revoked") && !b.state().equals("replaced"))
          .findFirst();
    }

    @Override
    public synchronized IssuedBadge revoke(String badgeId, String reason) {
      revoked.add(badgeId + ": " + reason);
      return setState(badgeId, "revoked");
    }

    @Override
    public synchronized IssuedBadge replace(
        String badgeId, BadgeTemplateId newTemplate, @Nullable String reason) {
      IssuedBadge old = setState(badgeId, "replaced");
      IssuedBadge replacement =
          new IssuedBadge("badge-" + (issued.size() + 1), newTemplate, old.contactId(), "pending");
      issued.add(replacement);
      return replacement;
    }

    @Override
    public synchronized Optional<BadgeDetails> describe(String badgeId) {
      return issued.stream()
          .filter(b -> b.badgeId().equals(badgeId))
          .findFirst()
          .map(
              b ->
                  new BadgeDetails(
                      b.badgeId(),
                      b.templateId(),
                      "Badge " + b.templateId(),
                      "https://credly.test/badges/" + b.badgeId(),
                      BadgeState.parse(b.state()).orElse(BadgeState.PENDING)));
    }

    private IssuedBadge setState(String badgeId, String state) {
      for (int i = 0; i < issued.size(); i++) {
        IssuedBadge b = issued.get(i);
        if (b.badgeId().equals(badgeId)) {
          IssuedBadge changed = new IssuedBadge(b.badgeId(), b.templateId(), b.contactId(), state);
          issued.set(i, changed);
          return changed;
        }
      }
      throw new IllegalStateException("no badge " + badgeId);
    }
  }

  static final class State implements SyncStateStore {
    final Map<ContactId, ContactSnapshot> snapshots = new HashMap<>();

    @Override
    public Optional<ContactSnapshot> find(ContactId contactId) {
      return Optional.ofNullable(snapshots.get(contactId));
    }

    @Override
    public void save(ContactSnapshot snapshot) {
      snapshots.put(snapshot.contactId(), snapshot);
    }

    @Override
    public void forget(ContactId contactId) {
      snapshots.remove(contactId);
    }
  }

  static final class Ledger implements IssuanceLedger {
    final Map<String, Issuance> rows = new HashMap<>();
    private final Map<String, Instant> reportedAt = new HashMap<>();

    @Override
    public synchronized boolean recordBadgeState(
        ContactId contactId,
        BadgeTemplateId templateId,
        String badgeId,
        BadgeState state,
        Instant reported,
        Instant now) {
      String key = key(contactId, templateId);
      Issuance old = rows.get(key);
      Instant last = reportedAt.get(key);
      if (old == null || (last != null && last.isAfter(reported))) {
        return false;
      }
      boolean unresolved =
          (old.state() == Issuance.State.PENDING || old.state() == Issuance.State.FAILED)
              && state != BadgeState.REVOKED
              && state != BadgeState.DELETED;
      if (!badgeId.equals(old.badgeId()) && !unresolved) {
        return false;
      }
      reportedAt.put(key, reported);
      rows.put(
          key,
          new Issuance(
              contactId,
              templateId,
              old.ruleId(),
              unresolved ? Issuance.State.ISSUED : old.state(),
              unresolved ? badgeId : old.badgeId(),
              old.createdAt(),
              now,
              state));
      return true;
    }

    @Override
    public synchronized IssuanceLedger.Claim claim(
        ContactId contactId, BadgeTemplateId templateId, RuleId ruleId, Instant now) {
      Issuance existing = rows.get(key(contactId, templateId));
      if (existing != null
          && existing.state() != Issuance.State.REVOKED
          && existing.state() != Issuance.State.REPLACED) {
        return new IssuanceLedger.Claim(existing, false);
      }
      Issuance created =
          new Issuance(contactId, templateId, ruleId, Issuance.State.PENDING, null, now, now);
      rows.put(key(contactId, templateId), created);
      return new IssuanceLedger.Claim(created, true);
    }

    @Override
    public synchronized void markIssued(
        ContactId contactId, BadgeTemplateId templateId, String badgeId, Instant now) {
      update(contactId, templateId, Issuance.State.ISSUED, badgeId, now);
    }

    @Override
    public synchronized void markRevoked(
        ContactId contactId, BadgeTemplateId templateId, Instant now) {
      Issuance old = java.util.Objects.requireNonNull(rows.get(key(contactId, templateId)));
      update(contactId, templateId, Issuance.State.REVOKED, old.badgeId(), now);
    }

    @Override
    public synchronized void markReplaced(
        ContactId contactId,
        BadgeTemplateId oldTemplate,
        BadgeTemplateId newTemplate,
        String newBadgeId,
        RuleId ruleId,
        Instant now) {
      Issuance old = java.util.Objects.requireNonNull(rows.get(key(contactId, oldTemplate)));
      update(contactId, oldTemplate, Issuance.State.REPLACED, old.badgeId(), now);
      rows.put(
          key(contactId, newTemplate),
          new Issuance(
              contactId, newTemplate, ruleId, Issuance.State.ISSUED, newBadgeId, now, now));
    }

    @Override
    public synchronized void markFailed(
        ContactId contactId, BadgeTemplateId templateId, Instant now) {
      update(contactId, templateId, Issuance.State.FAILED, null, now);
    }

    private void update(
        ContactId contactId,
        BadgeTemplateId templateId,
        Issuance.State state,
        @Nullable String badgeId,
        Instant now) {
      Issuance old = java.util.Objects.requireNonNull(rows.get(key(contactId, templateId)));
      rows.put(
          key(contactId, templateId),
          new Issuance(
              contactId,
              templateId,
              old.ruleId(),
              state,
              badgeId,
              old.createdAt(),
              now,
              old.badgeState()));
    }

    @Override
    public synchronized int releaseFailed(ContactId contactId, Instant now) {
      List<String> failed =
          rows.entrySet().stream()
              .filter(e -> e.getValue().contactId().equals(contactId))
              .filter(e -> e.getValue().state() == Issuance.State.FAILED)
              .map(Map.Entry::getKey)
              .toList();
      failed.forEach(rows::remove);
      return failed.size();
    }

    @Override
    public synchronized Optional<Issuance> find(ContactId contactId, BadgeTemplateId templateId) {
      return Optional.ofNullable(rows.get(key(contactId, templateId)));
    }

    @Override
    public synchronized List<Issuance> listByContact(ContactId contactId) {
      return rows.values().stream().filter(i -> i.contactId().equals(contactId)).toList();
    }

    @Override
    public synchronized long countIssued() {
      return rows.values().stream().filter(i -> i.state() == Issuance.State.ISSUED).count();
    }

    private static String key(ContactId contactId, BadgeTemplateId templateId) {
      return contactId + "/" + templateId;
    }
  }

  static final class DeadLetters implements DeadLetterStore {
    final List<DeadLetter> letters = new ArrayList<>();

    @Override
    public synchronized DeadLetter add(DeadLetter letter) {
      DeadLetter stored =
          new DeadLetter(
              letters.size() + 1L,
              letter.kind(),
              letter.contactId(),
              letter.eventIds(),
              letter.detail(),
              letter.cause(),
              letter.attempts(),
              letter.createdAt(),
              null);
      letters.add(stored);
      return stored;
    }

    @Override
    public synchronized Optional<DeadLetter> find(long id) {
      return letters.stream().filter(l -> l.id() == id).findFirst();
    }

    @Override
    public synchronized List<DeadLetter> listRecent(int limit) {
      return letters.reversed().stream().limit(limit).toList();
    }

    @Override
    public synchronized void markReplayed(long id, Instant replayedAt) {
      for (int i = 0; i < letters.size(); i++) {
        DeadLetter l = letters.get(i);
        if (l.id() == id) {
          letters.set(
              i,
              new DeadLetter(
                  l.id(),
                  l.kind(),
                  l.contactId(),
                  l.eventIds(),
                  l.detail(),
                  l.cause(),
                  l.attempts(),
                  l.createdAt(),
                  replayedAt));
          return;
        }
      }
      throw new io.ghlcredly.core.error.NotFoundException("no dead letter " + id);
    }

    @Override
    public synchronized long count() {
      return letters.size();
    }
  }

  static final class Queue implements JobQueue {
    final Set<ContactId> queued = new LinkedHashSet<>();
    @Nullable RuntimeException failure;

    @Override
    public synchronized boolean enqueueContactSync(ContactId contactId) {
      RuntimeException planned = failure;
      if (planned != null) {
        throw planned;
      }
      return queued.add(contactId);
    }
  }

  static final class Cursors implements CursorStore {
    final Map<String, String> positions = new HashMap<>();

    @Override
    public synchronized Optional<String> find(String name) {
      return Optional.ofNullable(positions.get(name));
    }

    @Override
    public synchronized void save(String name, String position) {
      positions.put(name, position);
    }
  }

  /** Contacts per location with their dateUpdated; fails mid-stream when told to. */
  static final class Feed implements ContactChangeFeed {
    final List<ContactVersion> versions = new ArrayList<>();
    final Map<ContactId, List<TaskVersion>> tasks = new HashMap<>();
    final List<ContactId> tasksAsked = new ArrayList<>();
    final List<Instant> asked = new ArrayList<>();
    @Nullable RuntimeException failAfterFirst;

    @Override
    public Stream<ContactVersion> changedSince(LocationId location, Instant since) {
      asked.add(since);
      List<ContactVersion> found =
          versions.stream()
              .filter(v -> !v.dateUpdated().isBefore(since))
              .sorted(java.util.Comparator.comparing(ContactVersion::dateUpdated))
              .toList();
      RuntimeException failure = failAfterFirst;
      if (failure == null || found.isEmpty()) {
        return found.stream();
      }
      return Stream.concat(
          Stream.of(found.get(0)),
          Stream.<ContactVersion>generate(
                  () -> {
                    throw failure;
                  })
              .limit(1));
    }

    @Override
    public List<TaskVersion> tasks(LocationId location, ContactId contactId) {
      tasksAsked.add(contactId);
      return tasks.getOrDefault(contactId, List.of());
    }
  }

  /** The action journal, keyed like the real one. */
  static final class ActionLog implements ActionJournal {
    final Map<String, JournalEntry> entries = new java.util.LinkedHashMap<>();

    @Override
    public synchronized ActionJournal.Claim claim(JournalEntry pending) {
      JournalEntry existing = entries.get(pending.key());
      if (existing != null) {
        return new ActionJournal.Claim(existing, false);
      }
      entries.put(pending.key(), pending);
      return new ActionJournal.Claim(pending, true);
    }

    @Override
    public synchronized void complete(
        String key, String outcome, @Nullable String upstreamId, Instant now) {
      JournalEntry e = java.util.Objects.requireNonNull(entries.get(key));
      entries.put(
          key,
          new JournalEntry(
              key,
              e.contactId(),
              e.ruleId(),
              e.action(),
              e.reason(),
              JournalEntry.State.DONE,
              outcome,
              upstreamId,
              e.createdAt(),
              now));
    }

    @Override
    public synchronized void fail(String key, String cause, Instant now) {
      JournalEntry e = java.util.Objects.requireNonNull(entries.get(key));
      entries.put(
          key,
          new JournalEntry(
              key,
              e.contactId(),
              e.ruleId(),
              e.action(),
              e.reason(),
              JournalEntry.State.FAILED,
              cause,
              null,
              e.createdAt(),
              now));
    }

    @Override
    public synchronized int releaseFailed(ContactId contactId) {
      List<String> failed =
          entries.values().stream()
              .filter(e -> e.contactId().equals(contactId))
              .filter(e -> e.state() == JournalEntry.State.FAILED)
              .map(JournalEntry::key)
              .toList();
      failed.forEach(entries::remove);
      return failed.size();
    }

    @Override
    public synchronized List<JournalEntry> listByContact(ContactId contactId, int limit) {
      return entries.values().stream()
          .filter(e -> e.contactId().equals(contactId))
          .toList()
          .reversed()
          .stream()
          .limit(limit)
          .toList();
    }

    @Override
    public synchronized List<JournalEntry> listRecent(int limit) {
      return List.copyOf(entries.values()).reversed().stream().limit(limit).toList();
    }

    List<JournalEntry> withAction(String action) {
      return entries.values().stream().filter(e -> e.action().equals(action)).toList();
    }
  }

  /** GHL write-back: tags, notes and tasks per contact, with every call counted. */
  static final class Writer implements CrmWriter {
    final Map<ContactId, Set<String>> tags = new HashMap<>();
    final Map<ContactId, List<CrmNote>> notes = new HashMap<>();
    final Map<ContactId, List<CrmTask>> tasks = new HashMap<>();
    final Deque<RuntimeException> failures = new ArrayDeque<>();
    int writes;

    /** The write (counted from 1) whose effect happens but whose answer is lost; 0 for none. */
    int lostAnswerAtWrite;

    @Override
    public synchronized void addTags(LocationId location, ContactId contact, List<String> added) {
      write();
      tags.computeIfAbsent(contact, c -> new java.util.TreeSet<>()).addAll(added);
    }

    @Override
    public synchronized void removeTags(
        LocationId location, ContactId contact, List<String> removed) {
      write();
      tags.computeIfAbsent(contact, c -> new java.util.TreeSet<>()).removeAll(removed);
    }

    @Override
    public synchronized String addNote(LocationId location, ContactId contact, String body) {
      write();
      List<CrmNote> list = notes.computeIfAbsent(contact, c -> new ArrayList<>());
      CrmNote note = new CrmNote("note-" + (list.size() + 1), body);
      list.add(note);
      if (writes == lostAnswerAtWrite) {
        throw transientFailure();
      }
      return note.id();
    }

    @Override
    public synchronized List<CrmNote> listNotes(LocationId location, ContactId contact) {
      return List.copyOf(notes.getOrDefault(contact, List.of()));
    }

    @Override
    public synchronized Optional<CrmNote> findNote(
        LocationId location, ContactId contact, String noteId) {
      return notes.getOrDefault(contact, List.of()).stream()
          .filter(n -> n.id().equals(noteId))
          .findFirst();
    }

    @Override
    public synchronized String createTask(LocationId location, ContactId contact, NewTask task) {
      write();
      List<CrmTask> list = tasks.computeIfAbsent(contact, c -> new ArrayList<>());
      CrmTask created =
          new CrmTask("task-" + (list.size() + 1), task.title(), false, task.dueDate());
      list.add(created);
      return created.id();
    }

    @Override
    public synchronized List<CrmTask> listTasks(LocationId location, ContactId contact) {
      return List.copyOf(tasks.getOrDefault(contact, List.of()));
    }

    @Override
    public synchronized void completeTask(LocationId location, ContactId contact, String taskId) {
      write();
      List<CrmTask> list = tasks.getOrDefault(contact, new ArrayList<>());
      for (int i = 0; i < list.size(); i++) {
        CrmTask t = list.get(i);
        if (t.id().equals(taskId)) {
          list.set(i, new CrmTask(t.id(), t.title(), true, t.dueDate()));
        }
      }
    }

    private void write() {
      writes++;
      if (!failures.isEmpty()) {
        throw failures.pop();
      }
    }
  }

  /** Credly records by external id; off unless enabled. */
  static final class Records implements CredentialRecords {
    final Map<String, CredentialRecord> records = new HashMap<>();
    boolean enabled;
    int upserts;

    @Override
    public boolean enabled() {
      return enabled;
    }

    @Override
    public synchronized Outcome upsert(CredentialRecord record) {
      upserts++;
      return records.put(record.externalId(), record) == null ? Outcome.CREATED : Outcome.UPDATED;
    }

    @Override
    public synchronized boolean delete(String externalId, @Nullable String email) {
      return records.remove(externalId) != null;
    }
  }

  static ApiException transientFailure() {
    return new ApiException(
        "credly", "POST", "/badges", 503, ApiException.Kind.TRANSIENT, "down", null, null);
  }

  static ApiException permanentFailure() {
    return new ApiException(
        "credly",
        "POST",
        "/badges",
        422,
        ApiException.Kind.PERMANENT,
        "Invalid or missing Badge Template ID",
        null,
        null);
  }
}

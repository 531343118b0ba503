package io.ghlcredly.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.job.RetryClassifier;
import io.ghlcredly.core.job.RetryPolicy;
import io.ghlcredly.core.mapping.Action;
import io.ghlcredly.core.mapping.Condition;
import io.ghlcredly.core.mapping.ContactMapping;
import io.ghlcredly.core.mapping.Rule;
import io.ghlcredly.core.mapping.RuleSet;
import io.ghlcredly.core.mapping.TitlePattern;
import io.ghlcredly.core.model.BadgeState;
import io.ghlcredly.core.model.BadgeTemplateId;
import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.Issuance;
import io.ghlcredly.core.model.JournalEntry;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.RuleId;
import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.core.port.CrmWriter;
import io.ghlcredly.core.template.Template;
import io.ghlcredly.core.template.TemplateCompiler;
import io.ghlcredly.core.template.Templates;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The flows of the brief, through the real handler, evaluator and actions, on in-memory ports. */
class RuleFlowsTest {
  private static final ContactId ADA = new ContactId("ada");
  private static final LocationId LOCATION = new LocationId("loc");
  private static final BadgeTemplateId COURSE =
      new BadgeTemplateId("3f1c9d2e-0000-4000-8000-000000000101");
  private static final BadgeTemplateId EXAM =
      new BadgeTemplateId("3f1c9d2e-0000-4000-8000-000000000202");
  private static final BadgeTemplateId ADVANCED =
      new BadgeTemplateId("3f1c9d2e-0000-4000-8000-000000000303");
  private static final TemplateCompiler TEMPLATES = Templates.compiler(Map.of());

  private final InstantSource clock = InstantSource.fixed(Instant.parse("2026-03-01T10:00:00Z"));
  private final InMemoryPorts.Inbox inbox = new InMemoryPorts.Inbox();
  private final InMemoryPorts.Crm crm = new InMemoryPorts.Crm();
  private final InMemoryPorts.State state = new InMemoryPorts.State();
  private final InMemoryPorts.Ledger ledger = new InMemoryPorts.Ledger();
  private final InMemoryPorts.DeadLetters deadLetters = new InMemoryPorts.DeadLetters();
  private final InMemoryPorts.Badges badges = new InMemoryPorts.Badges();
  private final InMemoryPorts.Writer writer = new InMemoryPorts.Writer();
  private final InMemoryPorts.Records records = new InMemoryPorts.Records();
  private final InMemoryPorts.ActionLog journal = new InMemoryPorts.ActionLog();
  private final SyncCounters counters = new SyncCounters();
  private final List<Rule> rules = new ArrayList<>();
  private ContactMapping mapping = ContactMapping.none();
  private final ContactSyncHandler handler =
      new ContactSyncHandler(
          new SyncPorts(inbox, crm, state, ledger, deadLetters),
          new ActionPorts(writer, badges, records, journal),
          new BadgeIssuer(ledger, badges, counters, clock),
          () -> new RuleSet(rules, mapping),
          new RetryClassifier(
              new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(4)),
              new SplittableRandom(1)),
          counters,
          clock);
  private int version;
  private int eventCount;

  @Test
  void completingTheExamTaskIssuesTheExamBadge() {
    rule(
        "exam",
        new Condition.TaskCompleted(new TitlePattern("Certification exam*")),
        new Action.IssueBadge(EXAM, template("Passed {{task.title}}")));
    contact(Set.of(), Map.of());
    append(new SyncEvent.TaskCompleted(next(), ADA, LOCATION, now(), "t1", "Onboarding call"));
    append(new SyncEvent.TaskCompleted(next(), ADA, LOCATION, now(), "t2", "Certification exam 1"));

    handler.run(ADA);

    assertThat(badges.issued)
        .singleElement()
        .satisfies(b -> assertThat(b.templateId()).isEqualTo(EXAM));
    assertThat(journal.withAction("issue-badge"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.reason()).isEqualTo("task t2 completed");
              assertThat(e.state()).isEqualTo(JournalEntry.State.DONE);
              assertThat(e.upstreamId()).isEqualTo("badge-1");
            });
  }

  @Test
  void statusBecomingRefundedRevokesTheBadgesWithTheReason() {
    mapping = new ContactMapping(Map.of(), template("{{contact.customField.status_field}}"));
    rule("course", new Condition.TagAdded("course-101"), new Action.IssueBadge(COURSE, null));
    rule(
        "refunded",
        new Condition.FieldChanged("status", null, "refunded"),
        new Action.RevokeBadges(null, template("Enrollment {{contact.status}}")));
    contact(Set.of("course-101"), Map.of("status_field", "active"));
    tagEvent();
    handler.run(ADA);

    contact(Set.of("course-101"), Map.of("status_field", "Refunded"));
    updateEvent();
    handler.run(ADA);

    assertThat(badges.revoked).containsExactly("badge-1: Enrollment Refunded");
    assertThat(ledger.find(ADA, COURSE))
        .hasValueSatisfying(i -> assertThat(i.state()).isEqualTo(Issuance.State.REVOKED));
  }

  @Test
  void revokedBadgeIsIssuedAgainWhenTheContactQualifiesAgain() {
    mapping = new ContactMapping(Map.of(), template("{{contact.customField.s}}"));
    rule("course", new Condition.TagAdded("course-101"), new Action.IssueBadge(COURSE, null));
    rule(
        "refunded",
        new Condition.FieldChanged("status", null, "refunded"),
        new Action.RevokeBadges(COURSE, template("refund")));
    contact(Set.of("course-101"), Map.of("s", "active"));
    tagEvent();
    handler.run(ADA);
    contact(Set.of(), Map.of("s", "refunded"));
    updateEvent();
    handler.run(ADA);

    contact(Set.of("course-101"), Map.of("s", "active"));
    tagEvent();
    handler.run(ADA);

    assertThat(badges.issued).hasSize(2);
    assertThat(ledger.find(ADA, COURSE))
        .hasValueSatisfying(i -> assertThat(i.state()).isEqualTo(Issuance.State.ISSUED));
  }

  @Test
  void credlysEchoOfARevocationDoesNotBlockReissuing() {
    rule("course", new Condition.TagAdded("course-101"), new Action.IssueBadge(COURSE, null));
    rule(
        "dropped",
        new Condition.TagRemoved("course-101"),
        new Action.RevokeBadges(COURSE, template("dropped")));
    contact(Set.of("course-101"), Map.of());
    tagEvent();
    handler.run(ADA);
    contact(Set.of(), Map.of());
    tagEvent();
    handler.run(ADA);
    badgeEvent(SyncEvent.BadgeChanged.Change.STATE_CHANGED, BadgeState.REVOKED);
    handler.run(ADA);

    contact(Set.of("course-101"), Map.of());
    tagEvent();
    handler.run(ADA);

    assertThat(badges.issued).hasSize(2);
    assertThat(ledger.find(ADA, COURSE))
        .hasValueSatisfying(i -> assertThat(i.badgeId()).isEqualTo("badge-2"));
  }

  @Test
  void acceptedBadgeWritesBackTagNoteAndCompletesTheAcceptTask() {
    rule("course", new Condition.TagAdded("course-101"), new Action.IssueBadge(COURSE, null));
    rule(
        "issued",
        new Condition.CredlyBadge(Condition.BadgeEventKind.CREATED, null),
        new Action.CreateTask(
            template("Accept your badge: {{badge.name}}"), null, Duration.ofDays(7)));
    rule(
        "accepted",
        new Condition.CredlyBadge(Condition.BadgeEventKind.ACCEPTED, null),
        new Action.AddTag(template("credly-accepted")),
        new Action.AddNote(template("Accepted {{badge.name}}: {{badge.url}}")),
        new Action.CompleteTask(new TitlePattern("Accept your badge*")));
    contact(Set.of("course-101"), Map.of());
    tagEvent();
    handler.run(ADA);

    badgeEvent(SyncEvent.BadgeChanged.Change.CREATED, BadgeState.PENDING);
    handler.run(ADA);
    badgeEvent(SyncEvent.BadgeChanged.Change.STATE_CHANGED, BadgeState.ACCEPTED);
    handler.run(ADA);

    assertThat(writer.tags.get(ADA)).containsExactly("credly-accepted");
    assertThat(writer.notes.get(ADA))
        .extracting(CrmWriter.CrmNote::body)
        .containsExactly("Accepted Badge " + COURSE + ": https://credly.test/badges/badge-1");
    assertThat(writer.tasks.get(ADA))
        .singleElement()
        .satisfies(
            task -> {
              assertThat(task.title()).isEqualTo("Accept your badge: Badge " + COURSE);
              assertThat(task.completed()).isTrue();
              assertThat(task.dueDate()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
            });
  }

  @Test
  void retryAfterAnUnknownOutcomeDoesNotAddTheNoteTwice() {
    rule(
        "welcome",
        new Condition.TagAdded("student"),
        new Action.AddNote(template("Welcome {{contact.firstName}}")),
        new Action.AddTag(template("welcomed")));
    contact(Set.of("student"), Map.of());
    tagEvent();
    // The note reaches GHL but its answer is lost: the outcome is unknown, the job is retried.
    writer.lostAnswerAtWrite = 1;

    assertThatThrownBy(() -> handler.run(ADA)).isInstanceOf(ApiException.class);
    handler.run(ADA);

    assertThat(writer.notes.get(ADA))
        .extracting(CrmWriter.CrmNote::body)
        .containsExactly("Welcome Ada");
    assertThat(writer.tags.get(ADA)).containsExactly("welcomed");
  }

  @Test
  void recordIsSentOnlyWhenAMappedFieldChanges() {
    records.enabled = true;
    mapping =
        new ContactMapping(
            Map.of(
                "external_id", template("{{contact.id}}"),
                "email", template("{{contact.email | lower}}"),
                "first_name", template("{{contact.firstName}}")),
            null);
    contact(Set.of(), Map.of());
    updateEvent();
    handler.run(ADA);
    contact(Set.of("unmapped-tag"), Map.of("unmapped", "x"));
    updateEvent();
    handler.run(ADA);

    assertThat(records.upserts).isEqualTo(1);
    assertThat(records.records)
        .hasEntrySatisfying("ada", r -> assertThat(r.email()).isEqualTo("ada@example.com"));
  }

  @Test
  void aContactWithoutEmailGetsNoRecordButItsRulesStillRun() {
    records.enabled = true;
    rule("vip", new Condition.TagAdded("vip"), new Action.AddTag(template("seen-vip")));
    crm.contacts.put(
        ADA, new Contact(ADA, LOCATION, null, "Ada", "Lovelace", Set.of("vip"), now()));
    updateEvent();

    handler.run(ADA);

    assertThat(records.upserts).isZero();
    assertThat(deadLetters.letters).isEmpty();
    assertThat(writer.tags.get(ADA)).containsExactly("seen-vip");
    assertThat(inbox.listPending(ADA)).isEmpty();
  }

  @Test
  void anOlderReadNeverOverwritesWhatWasApplied() {
    rule("vip", new Condition.TagAdded("vip"), new Action.AddTag(template("seen-vip")));
    contact(Set.of("vip"), Map.of());
    Instant applied = clock.instant().plusSeconds(version);
    updateEvent();
    handler.run(ADA);
    Contact stale =
        new Contact(
            ADA, LOCATION, "ada@example.com", "Ada", "L", Set.of(), applied.minusSeconds(60));
    append(new SyncEvent.ContactSeen(next(), ADA, LOCATION, now(), stale));

    handler.run(ADA);

    assertThat(state.find(ADA))
        .hasValueSatisfying(s -> assertThat(s.tags()).containsExactly("vip"));
  }

  @Test
  void importedContactIsAppliedWithoutReadingItAgain() {
    rule("course", new Condition.TagAdded("course-101"), new Action.IssueBadge(COURSE, null));
    Contact carried =
        new Contact(ADA, LOCATION, "ada@example.com", "Ada", "L", Set.of("course-101"), now());
    append(new SyncEvent.ContactSeen(next(), ADA, LOCATION, now(), carried));

    handler.run(ADA);

    assertThat(crm.reads).isZero();
    assertThat(badges.issued).hasSize(1);
  }

  @Test
  void anAttributeAPageDoesNotCarryKeepsItsLastValue() {
    rule(
        "phone-changed",
        new Condition.FieldChanged("phone", null, null),
        new Action.AddTag(template("phone-changed")));
    contact(Set.of(), Map.of());
    updateEvent();
    handler.run(ADA);
    Contact fromPage =
        new Contact(
            ADA, LOCATION, "ada@example.com", "Ada", "Lovelace", Set.of(), now().plusSeconds(99));

    append(new SyncEvent.ContactSeen(next(), ADA, LOCATION, now(), fromPage));
    handler.run(ADA);

    assertThat(writer.tags.get(ADA)).containsExactly("phone-changed");
    assertThat(state.find(ADA))
        .hasValueSatisfying(s -> assertThat(s.fields()).containsEntry("phone", "+1 555 0100"));
    assertThat(journal.withAction("ghl-add-tag")).hasSize(1);
  }

  @Test
  void deletedContactKeepsItsBadgesUnlessARuleSaysOtherwise() {
    rule("course", new Condition.TagAdded("course-101"), new Action.IssueBadge(COURSE, null));
    contact(Set.of("course-101"), Map.of());
    tagEvent();
    handler.run(ADA);
    crm.contacts.remove(ADA);
    append(new SyncEvent.ContactDeleted(next(), ADA, LOCATION, now()));
    handler.run(ADA);
    assertThat(badges.revoked).isEmpty();

    rule(
        "gone",
        new Condition.ContactDeleted(),
        new Action.RevokeBadges(null, template("{{contact.firstName}} left")));
    append(new SyncEvent.ContactDeleted(next(), ADA, LOCATION, now()));
    handler.run(ADA);

    assertThat(badges.revoked).containsExactly("badge-1: Ada left");
  }

  @Test
  void tagRemovalFiresItsRule() {
    rule("off", new Condition.TagRemoved("vip"), new Action.RemoveTag(template("vip-perks")));
    contact(Set.of("vip"), Map.of());
    updateEvent();
    handler.run(ADA);
    writer.tags.put(ADA, new java.util.TreeSet<>(Set.of("vip-perks")));

    contact(Set.of(), Map.of());
    updateEvent();
    handler.run(ADA);

    assertThat(writer.tags.get(ADA)).isEmpty();
  }

  @Test
  void aPermanentFailureIsDeadLetteredAndTheOtherActionsStillRun() {
    rule(
        "welcome",
        new Condition.TagAdded("student"),
        new Action.AddTag(template("{{contact.customField.missing}}")),
        new Action.AddNote(template("hello")));
    contact(Set.of("student"), Map.of());
    tagEvent();

    handler.run(ADA);

    assertThat(deadLetters.letters)
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(letter.detail()).contains("welcome").contains("ghl-add-tag");
              assertThat(letter.cause()).contains("rendered empty");
            });
    assertThat(writer.notes.get(ADA)).hasSize(1);
    assertThat(inbox.listPending(ADA)).isEmpty();
  }

  @Test
  void planTellsWhatWouldBeDoneWithoutDoingIt() {
    rule("course", new Condition.TagAdded("course-101"), new Action.IssueBadge(COURSE, null));
    rule(
        "note",
        new Condition.TagAdded("course-101"),
        new Action.AddNote(template("Hi {{contact.firstName}}")));
    RulePlanner planner =
        new RulePlanner(state, ledger, () -> new RuleSet(rules, mapping), false, clock);
    Contact current =
        new Contact(ADA, LOCATION, "ada@example.com", "Ada", "L", Set.of("course-101"), now());

    ContactPlanner.Plan plan = planner.plan(current);

    assertThat(plan.steps())
        .extracting(
            ContactPlanner.Step::ruleId, ContactPlanner.Step::action, ContactPlanner.Step::detail)
        .contains(
            org.assertj.core.groups.Tuple.tuple("course", "issue-badge", "template " + COURSE),
            org.assertj.core.groups.Tuple.tuple("note", "ghl-add-note", "note 'Hi Ada'"));
    assertThat(badges.issued).isEmpty();
    assertThat(writer.writes).isZero();
    assertThat(state.find(ADA)).isEmpty();
  }

  @Test
  void replacingMovesTheContactToTheAdvancedBadge() {
    rule("course", new Condition.TagAdded("course-101"), new Action.IssueBadge(COURSE, null));
    rule(
        "upgrade",
        new Condition.TagAdded("advanced"),
        new Action.ReplaceBadge(COURSE, ADVANCED, template("upgraded")));
    contact(Set.of("course-101"), Map.of());
    tagEvent();
    handler.run(ADA);

    contact(Set.of("course-101", "advanced"), Map.of());
    tagEvent();
    handler.run(ADA);

    assertThat(ledger.find(ADA, COURSE))
        .hasValueSatisfying(i -> assertThat(i.state()).isEqualTo(Issuance.State.REPLACED));
    assertThat(ledger.find(ADA, ADVANCED))
        .hasValueSatisfying(i -> assertThat(i.badgeId()).isEqualTo("badge-2"));
  }

  private void rule(String id, Condition when, Action... actions) {
    rules.add(new Rule(new RuleId(id), when, List.of(actions)));
  }

  private static Template template(String source) {
    return TEMPLATES.compile(source);
  }

  private void contact(Set<String> tags, Map<String, String> customFields) {
    version++;
    crm.contacts.put(
        ADA,
        new Contact(
            ADA,
            LOCATION,
            "ada@example.com",
            "Ada",
            "Lovelace",
            tags,
            clock.instant().plusSeconds(version),
            Map.of("phone", "+1 555 0100"),
            customFields));
  }

  private void tagEvent() {
    append(new SyncEvent.ContactTagsUpdated(next(), ADA, LOCATION, now()));
  }

  private void updateEvent() {
    append(new SyncEvent.ContactUpdated(next(), ADA, LOCATION, now()));
  }

  private void badgeEvent(SyncEvent.BadgeChanged.Change change, BadgeState badgeState) {
    append(
        new SyncEvent.BadgeChanged(
            next(), ADA, now().plusSeconds(eventCount), change, "badge-1", COURSE, badgeState));
  }

  private EventId next() {
    eventCount++;
    return new EventId("e" + eventCount);
  }

  private Instant now() {
    return clock.instant();
  }

  private void append(SyncEvent event) {
    inbox.append("ghl", event, "{}", clock.instant());
  }
}

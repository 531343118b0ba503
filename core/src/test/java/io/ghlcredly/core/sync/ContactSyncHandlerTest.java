package io.ghlcredly.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.job.RetryClassifier;
import io.ghlcredly.core.job.RetryPolicy;
import io.ghlcredly.core.mapping.Action;
import io.ghlcredly.core.mapping.Condition;
import io.ghlcredly.core.mapping.Rule;
import io.ghlcredly.core.mapping.RuleSet;
import io.ghlcredly.core.model.BadgeState;
import io.ghlcredly.core.model.BadgeTemplateId;
import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.Issuance;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.RuleId;
import io.ghlcredly.core.model.SyncEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ContactSyncHandlerTest {
  private static final ContactId ADA = new ContactId("ada");
  private static final LocationId LOCATION = new LocationId("loc");
  private static final BadgeTemplateId TEMPLATE =
      new BadgeTemplateId("3f1c9d2e-0000-4000-8000-000000000101");
  private static final RuleSet RULES =
      new RuleSet(
          List.of(
              new Rule(
                  new RuleId("course-101"),
                  new Condition.TagAdded("course-101-complete"),
                  List.of(new Action.IssueBadge(TEMPLATE, null)))));

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
  private final ContactSyncHandler handler =
      new ContactSyncHandler(
          new SyncPorts(inbox, crm, state, ledger, deadLetters),
          new ActionPorts(writer, badges, records, journal),
          new BadgeIssuer(ledger, badges, counters, clock),
          () -> RULES,
          new RetryClassifier(
              new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(4)),
              new SplittableRandom(1)),
          counters,
          clock);

  @Test
  void issuesBadgeWhenTagAdded() {
    contactWithTags("course-101-complete");
    tagEvent("w1");

    handler.run(ADA);

    assertThat(badges.issued).hasSize(1);
    assertThat(ledger.find(ADA, TEMPLATE))
        .hasValueSatisfying(i -> assertThat(i.state()).isEqualTo(Issuance.State.ISSUED));
    assertThat(inbox.listPending(ADA)).isEmpty();
  }

  @Test
  void burstOfEventsCostsOneContactRead() {
    contactWithTags("course-101-complete");
    for (int i = 0; i < 10; i++) {
      tagEvent("w" + i);
    }

    handler.run(ADA);

    assertThat(crm.reads).isEqualTo(1);
    assertThat(badges.issued).hasSize(1);
  }

  @Test
  void appliesEventsThatArriveWhileTheJobRuns() {
    contactWithTags("course-101-complete");
    tagEvent("w1");
    crm.onRead =
        () -> {
          if (crm.reads == 1) {
            tagEvent("w2");
          }
        };

    handler.run(ADA);

    assertThat(inbox.listPending(ADA)).isEmpty();
    assertThat(crm.reads).isEqualTo(2);
    assertThat(badges.issued).hasSize(1);
  }

  @Test
  void issuesBadgeOnceWhenTagAddedTwice() {
    contactWithTags("course-101-complete");
    tagEvent("w1");
    handler.run(ADA);
    contactWithTags();
    tagEvent("w2");
    handler.run(ADA);
    contactWithTags("course-101-complete");
    tagEvent("w3");

    handler.run(ADA);

    assertThat(badges.issued).hasSize(1);
    assertThat(badges.issueCalls).isEqualTo(1);
    assertThat(counters.snapshot().duplicatesPrevented()).isEqualTo(1);
  }

  @Test
  void leavesEventsPendingWhenCredlyFailsForNow() {
    contactWithTags("course-101-complete");
    tagEvent("w1");
    badges.failures.push(InMemoryPorts.transientFailure());

    assertThatThrownBy(() -> handler.run(ADA)).isInstanceOf(ApiException.class);

    assertThat(inbox.listPending(ADA)).hasSize(1);
    assertThat(state.find(ADA)).isEmpty();
    handler.run(ADA);
    assertThat(badges.issued).hasSize(1);
    assertThat(inbox.listPending(ADA)).isEmpty();
  }

  @Test
  void looksTheBadgeUpBeforeIssuingAgainAfterAnUnknownOutcome() {
    contactWithTags("course-101-complete");
    tagEvent("w1");
    ledger.claim(ADA, TEMPLATE, new RuleId("course-101"), clock.instant());
    badges.issued.add(new io.ghlcredly.core.model.IssuedBadge("b-1", TEMPLATE, ADA, "pending"));

    handler.run(ADA);

    assertThat(badges.issueCalls).isZero();
    assertThat(ledger.find(ADA, TEMPLATE))
        .hasValueSatisfying(i -> assertThat(i.badgeId()).isEqualTo("b-1"));
  }

  @Test
  void deadLettersAPermanentRefusalAndFinishesTheEvents() {
    contactWithTags("course-101-complete");
    tagEvent("w1");
    badges.failures.push(InMemoryPorts.permanentFailure());

    handler.run(ADA);

    assertThat(deadLetters.letters)
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(letter.cause()).contains("Invalid or missing Badge Template ID");
              assertThat(letter.eventIds()).containsExactly(new EventId("w1"));
            });
    assertThat(ledger.find(ADA, TEMPLATE))
        .hasValueSatisfying(i -> assertThat(i.state()).isEqualTo(Issuance.State.FAILED));
    assertThat(inbox.listPending(ADA)).isEmpty();
  }

  @Test
  void deadLettersPendingEventsWhenGivingUp() {
    tagEvent("w1");
    tagEvent("w2");

    handler.giveUp(ADA, "gave up after 3 attempts", 3);

    assertThat(deadLetters.letters)
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(letter.attempts()).isEqualTo(3);
              assertThat(letter.eventIds()).containsExactly(new EventId("w1"), new EventId("w2"));
            });
    assertThat(inbox.listPending(ADA)).isEmpty();
  }

  @Test
  void keepsCredentialsWhenTheContactWasDeleted() {
    tagEvent("w1");

    handler.run(ADA);

    assertThat(badges.issueCalls).isZero();
    assertThat(inbox.listPending(ADA)).isEmpty();
  }

  @Test
  void recordsBadgeStatesFromCredlyEventsWithoutReadingTheCrm() {
    contactWithTags("course-101-complete");
    tagEvent("w1");
    handler.run(ADA);
    int readsBefore = crm.reads;
    String badgeId = badges.issued.getFirst().badgeId();

    badgeEvent("e1", SyncEvent.BadgeChanged.Change.STATE_CHANGED, badgeId, BadgeState.ACCEPTED, 1);
    handler.run(ADA);

    assertThat(crm.reads).isEqualTo(readsBefore);
    assertThat(ledger.find(ADA, TEMPLATE))
        .hasValueSatisfying(
            issuance -> {
              assertThat(issuance.state()).isEqualTo(Issuance.State.ISSUED);
              assertThat(issuance.badgeState()).isEqualTo(BadgeState.ACCEPTED);
            });
    assertThat(inbox.listPending(ADA)).isEmpty();
  }

  @Test
  void recordsRejectedRevokedAndDeletedBadges() {
    ledger.claim(ADA, TEMPLATE, new RuleId("course-101"), clock.instant());

    badgeEvent("e1", SyncEvent.BadgeChanged.Change.STATE_CHANGED, "b-1", BadgeState.REJECTED, 1);
    handler.run(ADA);
    assertThat(ledger.find(ADA, TEMPLATE).orElseThrow().badgeState())
        .isEqualTo(BadgeState.REJECTED);

    badgeEvent("e2", SyncEvent.BadgeChanged.Change.STATE_CHANGED, "b-1", BadgeState.REVOKED, 2);
    handler.run(ADA);
    assertThat(ledger.find(ADA, TEMPLATE).orElseThrow().badgeState()).isEqualTo(BadgeState.REVOKED);

    badgeEvent("e3", SyncEvent.BadgeChanged.Change.DELETED, "b-1", BadgeState.REVOKED, 3);
    handler.run(ADA);
    assertThat(ledger.find(ADA, TEMPLATE).orElseThrow().badgeState()).isEqualTo(BadgeState.DELETED);
  }

  @Test
  void badgeCreatedEventResolvesAClaimLeftPendingByATimeout() {
    ledger.claim(ADA, TEMPLATE, new RuleId("course-101"), clock.instant());

    badgeEvent("e1", SyncEvent.BadgeChanged.Change.CREATED, "b-7", BadgeState.PENDING, 1);
    handler.run(ADA);

    assertThat(ledger.find(ADA, TEMPLATE))
        .hasValueSatisfying(
            issuance -> {
              assertThat(issuance.state()).isEqualTo(Issuance.State.ISSUED);
              assertThat(issuance.badgeId()).isEqualTo("b-7");
            });
  }

  @Test
  void olderBadgeEventNeverMovesTheStateBack() {
    ledger.claim(ADA, TEMPLATE, new RuleId("course-101"), clock.instant());
    badgeEvent("e2", SyncEvent.BadgeChanged.Change.STATE_CHANGED, "b-1", BadgeState.ACCEPTED, 5);
    handler.run(ADA);

    badgeEvent("e1", SyncEvent.BadgeChanged.Change.CREATED, "b-1", BadgeState.PENDING, 1);
    handler.run(ADA);

    assertThat(ledger.find(ADA, TEMPLATE).orElseThrow().badgeState())
        .isEqualTo(BadgeState.ACCEPTED);
    assertThat(inbox.listPending(ADA)).isEmpty();
  }

  @Test
  void ignoresBadgeEventsForBadgesTheSyncNeverClaimed() {
    badgeEvent("e1", SyncEvent.BadgeChanged.Change.CREATED, "b-1", BadgeState.PENDING, 1);

    handler.run(ADA);

    assertThat(ledger.find(ADA, TEMPLATE)).isEmpty();
    assertThat(inbox.listPending(ADA)).isEmpty();
    assertThat(crm.reads).isZero();
  }

  @Test
  void marksNoteAndTaskEventsProcessedWithoutReadingTheCrm() {
    contactWithTags("course-101-complete");
    append(new SyncEvent.NoteCreated(new EventId("n1"), ADA, LOCATION, clock.instant(), "note-1"));
    append(
        new SyncEvent.TaskCompleted(
            new EventId("t1"), ADA, LOCATION, clock.instant(), "task-1", "Finish course 101"));
    append(new SyncEvent.TaskDeleted(new EventId("t2"), ADA, LOCATION, clock.instant(), "t", null));

    handler.run(ADA);

    assertThat(crm.reads).isZero();
    assertThat(badges.issueCalls).isZero();
    assertThat(inbox.listPending(ADA)).isEmpty();
  }

  @Test
  void treatsADndChangeAsAContactChange() {
    contactWithTags("course-101-complete");
    append(new SyncEvent.ContactDndUpdated(new EventId("d1"), ADA, LOCATION, clock.instant()));

    handler.run(ADA);

    assertThat(crm.reads).isEqualTo(1);
    assertThat(badges.issued).hasSize(1);
    assertThat(inbox.listPending(ADA)).isEmpty();
  }

  private void badgeEvent(
      String eventId,
      SyncEvent.BadgeChanged.Change change,
      String badgeId,
      BadgeState state,
      int minutesLater) {
    inbox.append(
        "credly",
        new SyncEvent.BadgeChanged(
            new EventId(eventId),
            ADA,
            clock.instant().plusSeconds(60L * minutesLater),
            change,
            badgeId,
            TEMPLATE,
            state),
        "{}",
        clock.instant());
  }

  /** Each change of the contact gets a later dateUpdated, as GHL gives it. */
  private void contactWithTags(String... tags) {
    versions++;
    crm.contacts.put(
        ADA,
        new Contact(
            ADA,
            LOCATION,
            "ada@example.com",
            "Ada",
            "Lovelace",
            Set.of(tags),
            clock.instant().plusSeconds(versions)));
  }

  private int versions;

  private void tagEvent(String webhookId) {
    inbox.append(
        "ghl",
        new SyncEvent.ContactTagsUpdated(new EventId(webhookId), ADA, LOCATION, clock.instant()),
        "{}",
        clock.instant());
  }

  private void append(SyncEvent event) {
    inbox.append("ghl", event, "{}", clock.instant());
  }
}

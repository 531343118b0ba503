package io.ghlcredly.core.sync;

import io.ghlcredly.core.error.MappingException;
import io.ghlcredly.core.job.ContactJobHandler;
import io.ghlcredly.core.job.RetryClassifier;
import io.ghlcredly.core.mapping.Action;
import io.ghlcredly.core.mapping.ContactChange;
import io.ghlcredly.core.mapping.PlannedAction;
import io.ghlcredly.core.mapping.RuleEvaluator;
import io.ghlcredly.core.mapping.RuleSet;
import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.ContactSnapshot;
import io.ghlcredly.core.model.DeadLetter;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.IssueBadgeCommand;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.ReceivedEvent;
import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.core.port.CrmGateway;
import io.ghlcredly.core.port.DeadLetterStore;
import io.ghlcredly.core.port.EventInbox;
import io.ghlcredly.core.port.IssuanceLedger;
import io.ghlcredly.core.port.SyncStateStore;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-contact sync job. Applies every pending event of one contact with a single pull of the
 * contact (so a burst of events costs one CRM call), runs the rules against what changed since the
 * last applied snapshot, and only then records the new snapshot and marks the events processed. A
 * transient failure leaves everything pending for the next attempt; the ledger makes the repeat
 * safe. Thread-safe; the queue runs at most one job per contact at a time.
 */
public final class ContactSyncHandler implements ContactJobHandler {
  private static final Logger log = LoggerFactory.getLogger(ContactSyncHandler.class);
  private static final int MAX_ROUNDS = 5;

  private final EventInbox inbox;
  private final CrmGateway crm;
  private final SyncStateStore state;
  private final BadgeIssuer issuer;
  private final IssuanceLedger ledger;
  private final DeadLetterStore deadLetters;
  private final Supplier<RuleSet> rules;
  private final RuleEvaluator evaluator = new RuleEvaluator();
  private final RetryClassifier classifier;
  private final SyncCounters counters;
  private final InstantSource clock;

  public ContactSyncHandler(
      SyncPorts ports,
      BadgeIssuer issuer,
      Supplier<RuleSet> rules,
      RetryClassifier classifier,
      SyncCounters counters,
      InstantSource clock) {
    this.inbox = ports.inbox();
    this.crm = ports.crm();
    this.state = ports.state();
    this.ledger = ports.ledger();
    this.deadLetters = ports.deadLetters();
    this.issuer = issuer;
    this.rules = rules;
    this.classifier = classifier;
    this.counters = counters;
    this.clock = clock;
  }

  @Override
  public void run(ContactId contactId) {
    // Events that arrive while this job runs cannot queue a second job for the contact (one job
    // per contact), so pick them up here instead of leaving them to the sweeper.
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<ReceivedEvent> pending = inbox.listPending(contactId);
      if (pending.isEmpty()) {
        return;
      }
      apply(contactId, pending);
    }
  }

  private void apply(ContactId contactId, List<ReceivedEvent> pending) {
    List<Long> sequences = pending.stream().map(ReceivedEvent::sequence).toList();
    // Badge events only update the ledger; the CRM is read only when a contact change needs it,
    // with the account of the location the newest such event came from. Note and task events need
    // no pull by themselves: no rule reads them yet, so they are only marked processed.
    LocationId location = null;
    for (ReceivedEvent received : pending) {
      switch (received.event()) {
        case SyncEvent.BadgeChanged badge -> recordBadge(badge);
        case SyncEvent.NoteEvent note -> {}
        case SyncEvent.TaskEvent task -> {}
        case SyncEvent.ContactCreated created -> location = created.locationId();
        case SyncEvent.ContactUpdated updated -> location = updated.locationId();
        case SyncEvent.ContactTagsUpdated tagsUpdated -> location = tagsUpdated.locationId();
        case SyncEvent.ContactDeleted deleted -> location = deleted.locationId();
        case SyncEvent.ContactDndUpdated dndUpdated -> location = dndUpdated.locationId();
        case SyncEvent.ContactSeen seen -> location = seen.locationId();
      }
    }
    if (location == null) {
      inbox.markProcessed(sequences, "applied", clock.instant());
      return;
    }
    Optional<Contact> found = crm.findContact(location, contactId);
    if (found.isEmpty()) {
      log.atInfo()
          .addKeyValue("contactId", contactId)
          .addKeyValue("events", pending.size())
          .log("contact no longer exists in the CRM; kept its credentials");
      inbox.markProcessed(sequences, "contact-gone", clock.instant());
      return;
    }
    Contact contact = found.get();
    ContactChange change = new ContactChange(state.find(contactId), contact);
    for (PlannedAction planned : evaluator.evaluate(rules.get(), change)) {
      apply(planned, contact, pending);
    }
    state.save(
        new ContactSnapshot(contactId, contact.tags(), contact.dateUpdated(), clock.instant()));
    inbox.markProcessed(sequences, "applied", clock.instant());
  }

  private void apply(PlannedAction planned, Contact contact, List<ReceivedEvent> pending) {
    try {
      switch (planned.action()) {
        case Action.IssueBadge issue -> issuer.issue(issueCommand(planned, issue, contact));
        default -> throw new UnsupportedOperationException(planned.action().kind());
      }
    } catch (RuntimeException e) {
      if (classifier.isRetryable(e)) {
        throw e;
      }
      // Permanent: keep it visible and go on with the contact's other actions.
      if (planned.action() instanceof Action.IssueBadge issue) {
        ledger.markFailed(contact.id(), issue.templateId(), clock.instant());
      }
      deadLetter(
          "action", contact.id(), pending, describe(planned), RetryClassifier.describe(e), 1);
    }
  }

  private void recordBadge(SyncEvent.BadgeChanged badge) {
    boolean recorded =
        ledger.recordBadgeState(
            badge.contactId(),
            badge.templateId(),
            badge.badgeId(),
            badge.resultingState(),
            badge.occurredAt(),
            clock.instant());
    log.atInfo()
        .addKeyValue("contactId", badge.contactId())
        .addKeyValue("templateId", badge.templateId())
        .addKeyValue("badgeId", badge.badgeId())
        .addKeyValue("badgeState", badge.resultingState().wireName())
        .addKeyValue("recorded", recorded)
        .log(
            recorded
                ? "badge state recorded"
                : "badge event not recorded: no claim for this badge or an older report");
  }

  @Override
  public void giveUp(ContactId contactId, String cause, int attempts) {
    List<ReceivedEvent> pending = inbox.listPending(contactId);
    deadLetter("contact-sync", contactId, pending, "sync of " + contactId, cause, attempts);
    inbox.markProcessed(
        pending.stream().map(ReceivedEvent::sequence).toList(), "dead-lettered", clock.instant());
  }

  private void deadLetter(
      String kind,
      ContactId contactId,
      List<ReceivedEvent> pending,
      String detail,
      String cause,
      int attempts) {
    List<EventId> eventIds = pending.stream().map(received -> received.event().eventId()).toList();
    DeadLetter stored =
        deadLetters.add(
            new DeadLetter(
                0, kind, contactId, eventIds, detail, cause, attempts, clock.instant(), null));
    counters.failure();
    log.atWarn()
        .addKeyValue("deadLetterId", stored.id())
        .addKeyValue("contactId", contactId)
        .addKeyValue("detail", detail)
        .addKeyValue("cause", cause)
        .log("work dead-lettered");
  }

  private static String describe(PlannedAction planned) {
    return switch (planned.action()) {
      case Action.IssueBadge issue ->
          "rule " + planned.ruleId() + ": issue badge template " + issue.templateId();
      default -> "rule " + planned.ruleId() + ": " + planned.action().kind();
    };
  }

  private IssueBadgeCommand issueCommand(
      PlannedAction planned, Action.IssueBadge issue, Contact contact) {
    String email = contact.email();
    if (email == null || email.isBlank()) {
      throw new MappingException(
          planned.ruleId().value(), contact.logId() + " has no email; Credly needs one");
    }
    String firstName =
        firstNonBlank(
            contact.firstName(),
            email.substring(0, email.indexOf('@') < 0 ? email.length() : email.indexOf('@')));
    String lastName = firstNonBlank(contact.lastName(), firstName);
    return new IssueBadgeCommand(
        planned.ruleId(),
        issue.templateId(),
        contact.id(),
        email,
        firstName,
        lastName,
        clock.instant(),
        issue.evidence() == null ? null : issue.evidence().source());
  }

  private static String firstNonBlank(
      @org.jspecify.annotations.Nullable String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}

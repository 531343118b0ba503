package io.ghlcredly.core.sync;

import io.ghlcredly.core.job.RetryClassifier;
import io.ghlcredly.core.mapping.Action;
import io.ghlcredly.core.mapping.ContactMapping;
import io.ghlcredly.core.mapping.PlannedAction;
import io.ghlcredly.core.model.JournalEntry;
import io.ghlcredly.core.model.ReceivedEvent;
import io.ghlcredly.core.model.RuleId;
import io.ghlcredly.core.port.ActionJournal;
import io.ghlcredly.core.port.CredentialRecords;
import io.ghlcredly.core.port.IssuanceLedger;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs rule actions once per occurrence. The journal entry is claimed before the upstream call: a
 * DONE or FAILED entry means the action ran already; a PENDING one means an earlier attempt may
 * have reached the upstream API, and the action looks before it writes. A retryable failure is
 * thrown (the job is retried as a whole); a permanent one is journaled and dead-lettered, and the
 * contact's other actions go on. Thread-safe.
 */
final class ActionRunner {
  private static final Logger log = LoggerFactory.getLogger(ActionRunner.class);

  /** The rule id the journal names for the record the mapping keeps in step. */
  static final RuleId MAPPING = new RuleId("mapping");

  private final ActionJournal journal;
  private final BadgeActions badges;
  private final CrmActions crm;
  private final RecordActions records;
  private final IssuanceLedger ledger;
  private final RetryClassifier classifier;
  private final DeadLetterWriter deadLetters;
  private final InstantSource clock;

  ActionRunner(
      ActionJournal journal,
      BadgeActions badges,
      CrmActions crm,
      RecordActions records,
      IssuanceLedger ledger,
      RetryClassifier classifier,
      DeadLetterWriter deadLetters,
      InstantSource clock) {
    this.journal = journal;
    this.badges = badges;
    this.crm = crm;
    this.records = records;
    this.ledger = ledger;
    this.classifier = classifier;
    this.deadLetters = deadLetters;
    this.clock = clock;
  }

  /** Runs a rule's action for its trigger, unless the journal says it ran. */
  void run(
      PlannedAction planned,
      ObservedContact subject,
      TemplateModels models,
      ContactMapping mapping,
      List<ReceivedEvent> pending) {
    String key = planned.key(subject.contact().id());
    JournalEntry entry =
        JournalEntry.pending(
            key,
            subject.contact().id(),
            planned.ruleId(),
            planned.action().kind(),
            planned.trigger().reason(),
            clock.instant());
    Function<Boolean, ActionResult> work =
        retry ->
            dispatch(
                new ActionContext(planned, subject, models.forAction(subject, planned), retry),
                mapping);
    execute(
        entry, work, pending, planned.action() instanceof Action.IssueBadge issue ? issue : null);
  }

  /**
   * Sends the contact's record when it differs from the last one sent; returns the digest to keep.
   */
  String publishRecord(
      ObservedContact subject,
      CredentialRecords.CredentialRecord record,
      List<ReceivedEvent> pending) {
    String digest = RecordActions.digest(record);
    JournalEntry entry =
        JournalEntry.pending(
            subject.contact().id()
                + "|mapping|record@"
                + subject.contact().dateUpdated()
                + ":"
                + digest,
            subject.contact().id(),
            MAPPING,
            "upsert-record",
            "mapped fields changed",
            clock.instant());
    execute(entry, retry -> records.upsert(record), pending, null);
    return digest;
  }

  private void execute(
      JournalEntry entry,
      Function<Boolean, ActionResult> work,
      List<ReceivedEvent> pending,
      Action.@org.jspecify.annotations.Nullable IssueBadge issue) {
    ActionJournal.Claim claim = journal.claim(entry);
    if (!claim.newlyClaimed() && claim.entry().state() != JournalEntry.State.PENDING) {
      return;
    }
    try {
      // Not newly claimed and still PENDING: an earlier attempt's outcome is unknown.
      ActionResult result = work.apply(!claim.newlyClaimed());
      Instant now = clock.instant();
      journal.complete(entry.key(), result.outcome(), result.upstreamId(), now);
      log.atInfo()
          .addKeyValue("contactId", entry.contactId())
          .addKeyValue("ruleId", entry.ruleId())
          .addKeyValue("action", entry.action())
          .addKeyValue("outcome", result.outcome())
          .addKeyValue("upstreamId", result.upstreamId())
          .log("action done");
    } catch (RuntimeException e) {
      if (classifier.isRetryable(e)) {
        throw e;
      }
      String cause = RetryClassifier.describe(e);
      journal.fail(entry.key(), cause, clock.instant());
      if (issue != null) {
        ledger.markFailed(entry.contactId(), issue.templateId(), clock.instant());
      }
      deadLetters.write(
          "action",
          entry.contactId(),
          pending,
          "rule " + entry.ruleId() + ": " + entry.action() + " (" + entry.reason() + ")",
          cause,
          1);
    }
  }

  private ActionResult dispatch(ActionContext context, ContactMapping mapping) {
    return switch (context.planned().action()) {
      case Action.IssueBadge a -> badges.issue(context, a);
      case Action.RevokeBadges a -> badges.revoke(context, a);
      case Action.ReplaceBadge a -> badges.replace(context, a);
      case Action.AddTag a -> crm.addTag(context, a);
      case Action.RemoveTag a -> crm.removeTag(context, a);
      case Action.AddNote a -> crm.addNote(context, a);
      case Action.CreateTask a -> crm.createTask(context, a);
      case Action.CompleteTask a -> crm.completeTasks(context, a);
      case Action.UpsertRecord a ->
          records.upsert(RecordActions.render(mapping, context.subject(), context.model()));
      case Action.DeleteRecord a ->
          records.delete(RecordActions.render(mapping, context.subject(), context.model()));
    };
  }
}

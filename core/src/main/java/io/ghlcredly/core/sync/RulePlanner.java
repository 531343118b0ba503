package io.ghlcredly.core.sync;

import io.ghlcredly.core.mapping.Action;
import io.ghlcredly.core.mapping.PlannedAction;
import io.ghlcredly.core.mapping.RuleEvaluator;
import io.ghlcredly.core.mapping.RuleSet;
import io.ghlcredly.core.mapping.Trigger;
import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.ContactSnapshot;
import io.ghlcredly.core.model.Issuance;
import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.core.port.CredentialRecords;
import io.ghlcredly.core.port.IssuanceLedger;
import io.ghlcredly.core.port.SyncStateStore;
import io.ghlcredly.core.template.Template;
import io.ghlcredly.core.template.TemplateModel;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link ContactPlanner} over the same collector and evaluator as the sync job: the contact as it
 * is now against its snapshot, as if an import carried it. Reads the snapshot and the ledger;
 * writes nothing and calls no upstream API. Thread-safe.
 */
public final class RulePlanner implements ContactPlanner {
  private final SyncStateStore state;
  private final IssuanceLedger ledger;
  private final Supplier<RuleSet> rules;
  private final boolean recordsEnabled;
  private final ContactObserver observer;
  private final RuleEvaluator evaluator = new RuleEvaluator();
  private final InstantSource clock;

  /**
   * @param recordsEnabled whether Credly records are kept (so record changes belong in plans)
   */
  public RulePlanner(
      SyncStateStore state,
      IssuanceLedger ledger,
      Supplier<RuleSet> rules,
      boolean recordsEnabled,
      InstantSource clock) {
    this.state = state;
    this.ledger = ledger;
    this.rules = rules;
    this.recordsEnabled = recordsEnabled;
    this.observer = new ContactObserver(clock);
    this.clock = clock;
  }

  @Override
  public Plan plan(Contact current) {
    RuleSet ruleSet = rules.get();
    Optional<ContactSnapshot> before = state.find(current.id());
    ObservedContact observed = observer.observe(current, ruleSet.mapping());
    List<Step> steps = new ArrayList<>();
    TemplateModel base = TemplateModel.of(current, observed.status(), clock.instant());
    if (recordsEnabled) {
      CredentialRecords.CredentialRecord record =
          RecordActions.render(ruleSet.mapping(), observed, base);
      String digest = RecordActions.digest(record);
      if (!digest.equals(before.map(ContactSnapshot::recordDigest).orElse(null))) {
        steps.add(
            new Step(
                ActionRunner.MAPPING.value(),
                "upsert-record",
                "mapped fields changed",
                "Credly record " + record.externalId()));
      }
    }
    boolean older =
        before.map(ContactSnapshot::dateUpdated).isPresent()
            && current.dateUpdated() != null
            && current.dateUpdated().isBefore(before.get().dateUpdated());
    if (older) {
      return new Plan(current.id(), steps);
    }
    List<SyncEvent> none = List.of();
    List<Trigger> triggers = TriggerCollector.collect(none, before, observed, false, Map.of());
    for (PlannedAction planned : evaluator.evaluate(ruleSet, triggers)) {
      TemplateModel model = base.withRule(planned.ruleId().value());
      steps.add(
          new Step(
              planned.ruleId().value(),
              planned.action().kind(),
              planned.trigger().reason(),
              detail(planned, model, current)));
    }
    return new Plan(current.id(), steps);
  }

  private String detail(PlannedAction planned, TemplateModel model, Contact contact) {
    return switch (planned.action()) {
      case Action.IssueBadge a -> {
        Optional<Issuance> row = ledger.find(contact.id(), a.templateId());
        boolean held = row.map(r -> r.state() == Issuance.State.ISSUED).orElse(false);
        yield "template " + a.templateId() + (held ? " (already held: nothing to do)" : "");
      }
      case Action.RevokeBadges a ->
          (a.templateId() == null ? "every badge the sync issued" : "template " + a.templateId())
              + ", reason '"
              + render(a.reason(), model)
              + "'";
      case Action.ReplaceBadge a -> "template " + a.from() + " by " + a.to();
      case Action.AddTag a -> "tag '" + render(a.tag(), model) + "'";
      case Action.RemoveTag a -> "tag '" + render(a.tag(), model) + "'";
      case Action.AddNote a -> "note '" + render(a.body(), model) + "'";
      case Action.CreateTask a -> "task '" + render(a.title(), model) + "' due in " + a.dueIn();
      case Action.CompleteTask a -> "open tasks matching '" + a.title().glob() + "'";
      case Action.UpsertRecord a -> "Credly record";
      case Action.DeleteRecord a -> "Credly record";
    };
  }

  private static String render(Template template, TemplateModel model) {
    try {
      return template.render(model);
    } catch (RuntimeException e) {
      return "<cannot render: " + e.getMessage() + ">";
    }
  }
}

package io.ghlcredly.core.sync;

import io.ghlcredly.core.error.MappingException;
import io.ghlcredly.core.job.ContactJobHandler;
import io.ghlcredly.core.job.RetryClassifier;
import io.ghlcredly.core.mapping.Condition;
import io.ghlcredly.core.mapping.PlannedAction;
import io.ghlcredly.core.mapping.RuleEvaluator;
import io.ghlcredly.core.mapping.RuleSet;
import io.ghlcredly.core.mapping.Trigger;
import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.ContactSnapshot;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.ReceivedEvent;
import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.core.model.WorkspaceId;
import io.ghlcredly.core.port.CredentialRecords;
import io.ghlcredly.core.port.CrmGateway;
import io.ghlcredly.core.port.CrmWriter;
import io.ghlcredly.core.port.EventInbox;
import io.ghlcredly.core.port.IssuanceLedger;
import io.ghlcredly.core.port.SyncStateStore;
import io.ghlcredly.core.template.TemplateModel;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-contact sync job. Applies every pending event of one contact together: one read of the
 * contact (or none, when an import or poll carried it), the Credly record when a mapped field
 * changed, the rules' actions for each trigger, and only then the new snapshot and the events
 * marked processed. A transient failure leaves everything pending for the next attempt; the ledger
 * and the journal make the repeat safe. Thread-safe; the queue runs at most one job per contact at
 * a time, which keeps each contact's events in order.
 */
public final class ContactSyncHandler implements ContactJobHandler {
  private static final Logger log = LoggerFactory.getLogger(ContactSyncHandler.class);
  private static final int MAX_ROUNDS = 5;
  private static final String OTHER_ORGANIZATION = "other-organization";

  private final EventInbox inbox;
  private final CrmGateway crm;
  private final CrmWriter crmWriter;
  private final SyncStateStore state;
  private final IssuanceLedger ledger;
  private final WorkspaceEngines engines;
  private final RuleEvaluator evaluator = new RuleEvaluator();
  private final ContactObserver observer;
  private final DeadLetterWriter deadLetters;
  private final SyncCounters counters;
  private final InstantSource clock;

  /** A sync of one workspace that serves every location: a deployment without workspaces. */
  public ContactSyncHandler(
      SyncPorts ports,
      ActionPorts actionPorts,
      BadgeIssuer issuer,
      Supplier<RuleSet> rules,
      RetryClassifier classifier,
      SyncCounters counters,
      InstantSource clock) {
    this(
        ports,
        actionPorts.crmWriter(),
        WorkspaceEngines.single(
            WorkspaceEngine.create(
                WorkspaceId.DEFAULT,
                null,
                rules,
                ports,
                actionPorts,
                issuer,
                classifier,
                counters,
                clock)),
        counters,
        clock);
  }

  /**
   * A sync of several workspaces: each contact's events are applied by the engine of its location's
   * workspace, and held when no workspace serves the location.
   */
  public ContactSyncHandler(
      SyncPorts ports,
      CrmWriter crmWriter,
      WorkspaceEngines engines,
      SyncCounters counters,
      InstantSource clock) {
    this.inbox = ports.inbox();
    this.crm = ports.crm();
    this.state = ports.state();
    this.ledger = ports.ledger();
    this.crmWriter = crmWriter;
    this.engines = engines;
    this.clock = clock;
    this.counters = counters;
    this.observer = new ContactObserver(clock);
    this.deadLetters = new DeadLetterWriter(ports.deadLetters(), counters, clock);
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

  private void apply(ContactId contactId, List<ReceivedEvent> arrived) {
    Optional<ContactSnapshot> before = state.find(contactId);
    LocationId location = location(arrived.stream().map(ReceivedEvent::event).toList(), before);
    WorkspaceEngines.Resolution resolution =
        location != null
            ? engines.forLocation(location)
            : engines.forOrganization(organizationOf(arrived));
    WorkspaceEngine engine = resolution.engine();
    if (engine == null) {
      hold(contactId, arrived, location, resolution.reason());
      return;
    }
    List<ReceivedEvent> pending = setAsideForeignBadgeEvents(contactId, engine, arrived);
    if (pending.isEmpty()) {
      return;
    }
    RuleSet ruleSet = engine.rules();
    RecordActions records = engine.records();
    List<SyncEvent> events = pending.stream().map(ReceivedEvent::event).toList();
    List<Long> sequences = pending.stream().map(ReceivedEvent::sequence).toList();
    events.stream()
        .filter(SyncEvent.BadgeChanged.class::isInstance)
        .map(SyncEvent.BadgeChanged.class::cast)
        .forEach(this::recordBadge);

    ContactRead read = readContact(contactId, location, events, before);
    ObservedContact current =
        read.contact() == null ? null : observer.observe(read.contact(), ruleSet.mapping());
    ObservedContact changed =
        current != null && !olderThanApplied(current.contact(), before) ? current : null;
    if (current != null && changed == null) {
      log.atInfo()
          .addKeyValue("contactId", contactId)
          .log("contact read is older than what was applied; only its events' triggers apply");
    }
    boolean deleted =
        read.gone() && events.stream().anyMatch(SyncEvent.ContactDeleted.class::isInstance);
    List<Trigger> triggers =
        TriggerCollector.collect(
            events, before, changed, deleted, noteBodies(ruleSet, location, events));
    List<PlannedAction> planned = evaluator.evaluate(ruleSet, triggers);

    ObservedContact subject =
        subject(current, before, location, contactId, read.gone(), planned.isEmpty(), ruleSet);
    String recordDigest = before.map(ContactSnapshot::recordDigest).orElse(null);
    if (changed != null && records.enabled()) {
      recordDigest = publishRecordIfChanged(engine, changed, ruleSet, recordDigest, pending);
    }
    if (subject == null) {
      if (!planned.isEmpty()) {
        log.atWarn()
            .addKeyValue("contactId", contactId)
            .addKeyValue("actions", planned.size())
            .log("rules fired for a contact the sync has never seen; nothing to act on");
      }
    } else {
      TemplateModels models = new TemplateModels(engine.badges(), clock);
      for (PlannedAction action : planned) {
        engine.runner().run(action, subject, models, ruleSet.mapping(), pending);
      }
    }
    if (changed != null) {
      Contact contact = changed.contact();
      state.save(
          new ContactSnapshot(
              contactId,
              contact.tags(),
              contact.dateUpdated(),
              clock.instant(),
              contact.locationId(),
              changed.fields(),
              recordDigest));
    }
    if (deleted) {
      log.atInfo()
          .addKeyValue("contactId", contactId)
          .addKeyValue("actions", planned.size())
          .log("contact deleted in GHL; applied the contact-deleted rules (none keeps all)");
    } else if (read.gone()) {
      log.atInfo()
          .addKeyValue("contactId", contactId)
          .log("contact no longer exists in the CRM; kept its credentials");
    }
    Instant processedAt = clock.instant();
    inbox.markProcessed(sequences, read.gone() ? "contact-gone" : "applied", processedAt);
    if (!read.gone()) {
      counters.eventsApplied(pending, processedAt);
    }
  }

  /** The contact as read for this job; both empty when no event needed a read. */
  private record ContactRead(@Nullable Contact contact, boolean gone) {}

  private ContactRead readContact(
      ContactId contactId,
      @Nullable LocationId location,
      List<SyncEvent> events,
      Optional<ContactSnapshot> before) {
    boolean webhookChange =
        events.stream()
            .anyMatch(
                event ->
                    event instanceof SyncEvent.ContactEvent
                        && !(event instanceof SyncEvent.NoteEvent)
                        && !(event instanceof SyncEvent.TaskEvent)
                        && !(event instanceof SyncEvent.ContactSeen));
    if (webhookChange && location != null) {
      Optional<Contact> found = crm.findContact(location, contactId);
      return new ContactRead(found.orElse(null), found.isEmpty());
    }
    // Only imports and polls: they carried the contact, newest version wins.
    Optional<Contact> carried =
        events.stream()
            .filter(SyncEvent.ContactSeen.class::isInstance)
            .map(event -> ((SyncEvent.ContactSeen) event).contact())
            .max(Comparator.comparing(ContactSyncHandler::version));
    return new ContactRead(
        carried.map(contact -> withAttributesKnownBefore(contact, before)).orElse(null), false);
  }

  /**
   * A carried contact comes from a list or search page, which holds fewer standard fields than a
   * read of the contact (no address, website…): an attribute it lacks is "not provided", not
   * "removed", so it keeps the value last applied. Custom fields and tags are complete on pages.
   */
  private static Contact withAttributesKnownBefore(
      Contact carried, Optional<ContactSnapshot> before) {
    if (before.isEmpty()) {
      return carried;
    }
    Map<String, String> attributes = new HashMap<>(carried.attributes());
    before
        .flatMap(ObservedContact::fromSnapshot)
        .ifPresent(applied -> applied.contact().attributes().forEach(attributes::putIfAbsent));
    return new Contact(
        carried.id(),
        carried.locationId(),
        carried.email(),
        carried.firstName(),
        carried.lastName(),
        carried.tags(),
        carried.dateUpdated(),
        attributes,
        carried.customFields());
  }

  /**
   * Who actions act on: the contact as read, else (for note, task and badge events) a fresh read
   * when some action will run, else the contact as last applied.
   */
  private @Nullable ObservedContact subject(
      @Nullable ObservedContact current,
      Optional<ContactSnapshot> before,
      @Nullable LocationId location,
      ContactId contactId,
      boolean gone,
      boolean nothingPlanned,
      RuleSet ruleSet) {
    if (current != null) {
      return current;
    }
    if (nothingPlanned) {
      return null;
    }
    Optional<ObservedContact> applied = before.flatMap(ObservedContact::fromSnapshot);
    if (gone || location == null) {
      return applied.orElse(null);
    }
    return crm.findContact(location, contactId)
        .map(contact -> observer.observe(contact, ruleSet.mapping()))
        .or(() -> applied)
        .orElse(null);
  }

  private @Nullable String publishRecordIfChanged(
      WorkspaceEngine engine,
      ObservedContact current,
      RuleSet ruleSet,
      @Nullable String lastDigest,
      List<ReceivedEvent> pending) {
    CredentialRecords.CredentialRecord record;
    try {
      record =
          RecordActions.render(
              ruleSet.mapping(),
              current,
              TemplateModel.of(current.contact(), current.status(), clock.instant()));
    } catch (MappingException e) {
      // Many GHL contacts have no email yet: no record for them, and their rules still run.
      log.atInfo()
          .addKeyValue("contactId", current.contact().id())
          .addKeyValue("cause", e.getMessage())
          .log("no Credly record for this contact");
      return lastDigest;
    }
    String digest = RecordActions.digest(record);
    if (digest.equals(lastDigest)) {
      return digest;
    }
    return engine.runner().publishRecord(current, record, pending);
  }

  /** Note bodies, read only when a rule looks at notes. */
  private Map<String, String> noteBodies(
      RuleSet ruleSet, @Nullable LocationId location, List<SyncEvent> events) {
    Map<String, String> bodies = new HashMap<>();
    boolean wanted =
        ruleSet.rules().stream().anyMatch(rule -> rule.when() instanceof Condition.NoteCreated);
    if (!wanted || location == null) {
      return bodies;
    }
    for (SyncEvent event : events) {
      if (event instanceof SyncEvent.NoteCreated note) {
        crmWriter
            .findNote(location, note.contactId(), note.noteId())
            .ifPresent(found -> bodies.put(note.noteId(), found.body()));
      }
    }
    return bodies;
  }

  /**
   * Keeps the events where they are, counted for their location, until a workspace serves it:
   * applying them with another workspace's rules would issue the wrong organization's badges.
   */
  private void hold(
      ContactId contactId,
      List<ReceivedEvent> pending,
      @Nullable LocationId location,
      String reason) {
    inbox.hold(pending.stream().map(ReceivedEvent::sequence).toList(), location, clock.instant());
    counters.eventsHeld(pending.size());
    log.atWarn()
        .addKeyValue("contactId", contactId)
        .addKeyValue("locationId", location)
        .addKeyValue("events", pending.size())
        .addKeyValue("reason", reason)
        .log("events held until a workspace serves their location");
  }

  /**
   * Badge events reported by another Credly organization than the workspace's are marked so and
   * left out: a badge of one academy never fires another academy's rules.
   */
  private List<ReceivedEvent> setAsideForeignBadgeEvents(
      ContactId contactId, WorkspaceEngine engine, List<ReceivedEvent> pending) {
    List<ReceivedEvent> own = new ArrayList<>();
    List<Long> foreign = new ArrayList<>();
    for (ReceivedEvent received : pending) {
      if (received.event() instanceof SyncEvent.BadgeChanged badge
          && !engine.ownsOrganization(badge.organizationId())) {
        foreign.add(received.sequence());
      } else {
        own.add(received);
      }
    }
    if (!foreign.isEmpty()) {
      inbox.markProcessed(foreign, OTHER_ORGANIZATION, clock.instant());
      log.atWarn()
          .addKeyValue("contactId", contactId)
          .addKeyValue("workspace", engine.id())
          .addKeyValue("events", foreign.size())
          .log("badge events of another Credly organization than the contact's workspace ignored");
    }
    return own;
  }

  /** The Credly organization of the contact's badge events; null when none names one. */
  private static @Nullable String organizationOf(List<ReceivedEvent> pending) {
    for (ReceivedEvent received : pending) {
      if (received.event() instanceof SyncEvent.BadgeChanged badge
          && badge.organizationId() != null) {
        return badge.organizationId();
      }
    }
    return null;
  }

  private static @Nullable LocationId location(
      List<SyncEvent> events, Optional<ContactSnapshot> before) {
    LocationId location = null;
    for (SyncEvent event : events) {
      if (event instanceof SyncEvent.ContactEvent contactEvent) {
        location = contactEvent.locationId();
      }
    }
    return location != null ? location : before.map(ContactSnapshot::locationId).orElse(null);
  }

  private static boolean olderThanApplied(Contact contact, Optional<ContactSnapshot> before) {
    Instant applied = before.map(ContactSnapshot::dateUpdated).orElse(null);
    Instant read = contact.dateUpdated();
    return applied != null && read != null && read.isBefore(applied);
  }

  private static Instant version(Contact contact) {
    Instant version = contact.dateUpdated();
    return version == null ? Instant.EPOCH : version;
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
    deadLetters.write("contact-sync", contactId, pending, "sync of " + contactId, cause, attempts);
    inbox.markProcessed(
        pending.stream().map(ReceivedEvent::sequence).toList(), "dead-lettered", clock.instant());
  }
}

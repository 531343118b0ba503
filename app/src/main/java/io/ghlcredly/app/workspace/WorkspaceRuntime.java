package io.ghlcredly.app.workspace;

import io.ghlcredly.app.WorkspaceRules;
import io.ghlcredly.app.config.AppConfig;
import io.ghlcredly.app.config.CredlyConfig;
import io.ghlcredly.app.config.WorkspaceConfig;
import io.ghlcredly.core.job.RetryClassifier;
import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.WorkspaceId;
import io.ghlcredly.core.port.ActionJournal;
import io.ghlcredly.core.port.CredentialRecords;
import io.ghlcredly.core.port.CrmWriter;
import io.ghlcredly.core.port.SecretStore;
import io.ghlcredly.core.sync.ActionPorts;
import io.ghlcredly.core.sync.BadgeIssuer;
import io.ghlcredly.core.sync.ContactPlanner;
import io.ghlcredly.core.sync.RulePlanner;
import io.ghlcredly.core.sync.SyncCounters;
import io.ghlcredly.core.sync.SyncPorts;
import io.ghlcredly.core.sync.WorkspaceEngine;
import io.ghlcredly.core.sync.WorkspaceEngines;
import io.ghlcredly.credly.CredlyBadgeGateway;
import io.ghlcredly.credly.CredlyClient;
import io.ghlcredly.credly.CredlyCredentialRecords;
import io.ghlcredly.credly.CredlySettings;
import io.ghlcredly.credly.CredlyTokenHealth;
import io.ghlcredly.credly.CredlyWorkforceRecords;
import io.ghlcredly.credly.webhook.CredlyWebhookReceiver;
import io.ghlcredly.http.HttpObserver;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The workspaces of the configuration file at run time, each with its own Credly client (its own
 * credentials, token health and concurrency limit), engine, planner and webhook receiver; and the
 * routing of a contact to its workspace's engine through the {@link WorkspaceDirectory}. A location
 * in no workspace, or in a workspace created in the browser that has no Credly connection yet, is
 * unserved: its events are held, never applied with another workspace's rules. Thread-safe.
 */
public final class WorkspaceRuntime implements WorkspaceEngines {
  private final WorkspaceDirectory directory;
  private final Map<WorkspaceId, Running> running;
  private final Map<String, Running> byOrganization;

  /** One workspace's running parts. */
  public record Running(
      WorkspaceConfig config,
      CredlyClient credly,
      WorkspaceEngine engine,
      ContactPlanner planner,
      CredlyWebhookReceiver receiver) {}

  private WorkspaceRuntime(WorkspaceDirectory directory, Map<WorkspaceId, Running> running) {
    this.directory = directory;
    this.running = Map.copyOf(running);
    Map<String, Running> organizations = new LinkedHashMap<>();
    running
        .values()
        .forEach(each -> organizations.put(each.config().credly().organizationId(), each));
    this.byOrganization = Map.copyOf(organizations);
  }

  /** What every workspace shares: stores, GHL, the journal, counters and the clock. */
  public record Shared(
      SyncPorts ports,
      CrmWriter crmWriter,
      ActionJournal journal,
      SecretStore secrets,
      RetryClassifier classifier,
      SyncCounters counters,
      HttpObserver calls,
      InstantSource clock) {}

  /** Starts each workspace of the file: its Credly client, engine, planner and receiver. */
  public static WorkspaceRuntime start(
      AppConfig config, WorkspaceDirectory directory, WorkspaceRules rules, Shared shared) {
    Map<WorkspaceId, Running> running = new LinkedHashMap<>();
    for (WorkspaceConfig workspace : config.workspaces()) {
      running.put(workspace.id(), start(workspace, rules, shared));
    }
    return new WorkspaceRuntime(directory, running);
  }

  private static Running start(WorkspaceConfig workspace, WorkspaceRules rules, Shared shared) {
    CredlyConfig credly = workspace.credly();
    CredlyClient client =
        CredlyClient.create(
            new CredlySettings(
                credly.apiBaseUrl(),
                credly.organizationId(),
                credly.credentials(),
                credly.timeout(),
                credly.maxConcurrency()),
            shared.secrets(),
            shared.clock(),
            shared.calls());
    CredlyBadgeGateway badges = new CredlyBadgeGateway(client);
    boolean employees = credly.records() == CredlyConfig.Records.EMPLOYEES;
    CredentialRecords records =
        employees
            ? new CredlyCredentialRecords(new CredlyWorkforceRecords(client))
            : CredlyCredentialRecords.none();
    WorkspaceId id = workspace.id();
    WorkspaceEngine engine =
        WorkspaceEngine.create(
            id,
            credly.organizationId(),
            () -> rules.rules(id),
            shared.ports(),
            new ActionPorts(shared.crmWriter(), badges, records, shared.journal()),
            new BadgeIssuer(shared.ports().ledger(), badges, shared.counters(), shared.clock()),
            shared.classifier(),
            shared.counters(),
            shared.clock());
    ContactPlanner planner =
        new RulePlanner(
            shared.ports().state(),
            shared.ports().ledger(),
            () -> rules.rules(id),
            employees,
            shared.clock());
    CredlyWebhookReceiver receiver =
        new CredlyWebhookReceiver(client, credly.organizationId(), shared.clock());
    return new Running(workspace, client, engine, planner, receiver);
  }

  @Override
  public Resolution forLocation(LocationId location) {
    Optional<WorkspaceId> workspace = directory.workspaceOf(location);
    if (workspace.isEmpty()) {
      return Resolution.unserved("location " + location + " is in no workspace");
    }
    Running found = running.get(workspace.get());
    return found == null
        ? Resolution.unserved(
            "workspace '" + workspace.get() + "' has no Credly organization connected")
        : Resolution.served(found.engine());
  }

  @Override
  public Resolution forOrganization(@Nullable String organization) {
    if (organization == null) {
      return running.size() == 1
          ? Resolution.served(running.values().iterator().next().engine())
          : Resolution.unserved("the badge event names no Credly organization");
    }
    Running found = byOrganization.get(organization.toLowerCase(Locale.ROOT));
    return found == null
        ? Resolution.unserved("Credly organization " + organization + " is in no workspace")
        : Resolution.served(found.engine());
  }

  /** Plans a contact with the rules of its location's workspace. */
  public ContactPlanner planner() {
    return contact -> {
      Running found = directory.workspaceOf(contact.locationId()).map(running::get).orElse(null);
      return found == null ? unplanned(contact) : found.planner().plan(contact);
    };
  }

  private ContactPlanner.Plan unplanned(Contact contact) {
    String reason =
        forLocation(contact.locationId()).reason()
            + ": its events wait until an admin assigns it to a workspace with a Credly organization";
    return new ContactPlanner.Plan(
        contact.id(), List.of(new ContactPlanner.Step("-", "hold", reason, "nothing is applied")));
  }

  /** Each workspace's running parts, in file order. */
  public List<Running> workspaces() {
    return List.copyOf(running.values());
  }

  /** The running workspace, if the file defines it. */
  public Optional<Running> workspace(WorkspaceId id) {
    return Optional.ofNullable(running.get(id));
  }

  /** Each running workspace's Credly token health. */
  public Map<WorkspaceId, CredlyTokenHealth> tokenHealth() {
    Map<WorkspaceId, CredlyTokenHealth> health = new LinkedHashMap<>();
    running.forEach((id, each) -> health.put(id, each.credly().tokenHealth()));
    return health;
  }

  /** The Credly webhook receivers, by organization: what {@code /webhooks/credly} dispatches to. */
  public Map<String, CredlyWebhookReceiver> receivers() {
    Map<String, CredlyWebhookReceiver> receivers = new LinkedHashMap<>();
    byOrganization.forEach((organization, each) -> receivers.put(organization, each.receiver()));
    return receivers;
  }

  public WorkspaceDirectory directory() {
    return directory;
  }
}

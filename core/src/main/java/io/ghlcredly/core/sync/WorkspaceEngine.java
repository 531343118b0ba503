package io.ghlcredly.core.sync;

import io.ghlcredly.core.job.RetryClassifier;
import io.ghlcredly.core.mapping.RuleSet;
import io.ghlcredly.core.model.WorkspaceId;
import io.ghlcredly.core.port.BadgeGateway;
import java.time.InstantSource;
import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One workspace's part of the sync: its rules and mapping, and the actions on its own Credly
 * organization (badges and records). The stores, GHL and the journal are shared: GHL contact ids
 * are unique across locations, so the ledger's "one badge per contact and template" holds across
 * workspaces too. Thread-safe.
 */
public final class WorkspaceEngine {
  private final WorkspaceId id;
  private final @Nullable String credlyOrganization;
  private final Supplier<RuleSet> rules;
  private final BadgeGateway badges;
  private final RecordActions records;
  private final ActionRunner runner;

  private WorkspaceEngine(
      WorkspaceId id,
      @Nullable String credlyOrganization,
      Supplier<RuleSet> rules,
      BadgeGateway badges,
      RecordActions records,
      ActionRunner runner) {
    this.id = id;
    this.credlyOrganization =
        credlyOrganization == null ? null : credlyOrganization.toLowerCase(Locale.ROOT);
    this.rules = rules;
    this.badges = badges;
    this.records = records;
    this.runner = runner;
  }

  /**
   * The engine of a workspace.
   *
   * @param credlyOrganization the workspace's Credly organization; null when unknown (tests of one
   *     organization), which accepts every badge event
   * @param actions the workspace's gateways: its Credly badges and records, the shared GHL writer
   *     and journal
   * @param issuer issues on the workspace's Credly organization, guarded by the shared ledger
   */
  public static WorkspaceEngine create(
      WorkspaceId id,
      @Nullable String credlyOrganization,
      Supplier<RuleSet> rules,
      SyncPorts ports,
      ActionPorts actions,
      BadgeIssuer issuer,
      RetryClassifier classifier,
      SyncCounters counters,
      InstantSource clock) {
    RecordActions records = new RecordActions(actions.records());
    ActionRunner runner =
        new ActionRunner(
            actions.journal(),
            new BadgeActions(issuer, ports.ledger(), actions.badges(), clock),
            new CrmActions(actions.crmWriter(), clock),
            records,
            ports.ledger(),
            classifier,
            new DeadLetterWriter(ports.deadLetters(), counters, clock),
            clock);
    return new WorkspaceEngine(id, credlyOrganization, rules, actions.badges(), records, runner);
  }

  public WorkspaceId id() {
    return id;
  }

  /** The rules in force now; a job reads them once. */
  public RuleSet rules() {
    return rules.get();
  }

  /**
   * Whether a badge event reported by this organization is the workspace's own: an event of another
   * organization never fires this workspace's rules.
   */
  public boolean ownsOrganization(@Nullable String organization) {
    return organization == null
        || credlyOrganization == null
        || credlyOrganization.equals(organization.toLowerCase(Locale.ROOT));
  }

  BadgeGateway badges() {
    return badges;
  }

  RecordActions records() {
    return records;
  }

  ActionRunner runner() {
    return runner;
  }
}

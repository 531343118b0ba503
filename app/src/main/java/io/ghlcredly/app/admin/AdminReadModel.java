package io.ghlcredly.app.admin;

import io.ghlcredly.app.WorkspaceRules;
import io.ghlcredly.app.config.AppConfig;
import io.ghlcredly.app.config.CredlyConfig;
import io.ghlcredly.app.workspace.LocationScope;
import io.ghlcredly.app.workspace.WorkspaceDirectory;
import io.ghlcredly.app.workspace.WorkspaceRuntime;
import io.ghlcredly.core.mapping.Action;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.ReceivedEvent;
import io.ghlcredly.core.port.EventInbox;
import io.ghlcredly.core.port.TokenStore;
import io.ghlcredly.core.sync.ImportCheckpoint;
import io.ghlcredly.credly.CredlyTokenHealth;
import io.ghlcredly.http.ratelimit.RateBudget;
import io.ghlcredly.storage.JdbcActionJournal;
import io.ghlcredly.storage.JdbcCursorStore;
import io.ghlcredly.storage.JdbcDeadLetterStore;
import io.ghlcredly.storage.JdbcEventInbox;
import io.ghlcredly.storage.LocationFilter;
import io.ghlcredly.web.Scope;
import io.ghlcredly.web.admin.AdminViews;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads what operators look at from the stores and turns it into {@link AdminViews}, limited to a
 * scope of workspaces: the one place that decides what leaves the service, so that no secret can,
 * and no row of a workspace out of scope. Thread-safe.
 */
final class AdminReadModel {
  static final String IMPORT_PREFIX = "import:";

  private final AppConfig config;
  private final TokenStore accounts;
  private final WorkspaceRuntime workspaces;
  private final WorkspaceRules rules;
  private final ReadScopes scopes;
  private final JdbcEventInbox inbox;
  private final JdbcActionJournal journal;
  private final JdbcDeadLetterStore deadLetters;
  private final JdbcCursorStore cursors;
  private final ActivityChart activity;

  private final Supplier<List<RateBudget>> rateBudgets;
  private final LongSupplier queuedJobs;
  private final InstantSource clock;

  AdminReadModel(
      AppConfig config, Sources sources, Stores stores, ReadScopes scopes, InstantSource clock) {
    this.config = config;
    this.accounts = sources.accounts();
    this.workspaces = sources.workspaces();
    this.rules = sources.rules();
    this.rateBudgets = sources.rateBudgets();
    this.queuedJobs = sources.queuedJobs();
    this.scopes = scopes;
    this.clock = clock;
    this.inbox = stores.inbox();
    this.journal = stores.journal();
    this.deadLetters = stores.deadLetters();
    this.cursors = stores.cursors();
    this.activity = stores.activity();
  }

  /** What the read model reads beyond the stores. */
  record Sources(
      TokenStore accounts,
      WorkspaceRuntime workspaces,
      WorkspaceRules rules,
      Supplier<List<RateBudget>> rateBudgets,
      LongSupplier queuedJobs) {}

  /** The stores read, the JDBC ones where operators need more than the engine's ports offer. */
  record Stores(
      JdbcEventInbox inbox,
      JdbcActionJournal journal,
      JdbcDeadLetterStore deadLetters,
      JdbcCursorStore cursors,
      ActivityChart activity) {}

  AdminViews.Accounts accounts(Scope scope) {
    LocationScope locations = scopes.locations(scope);
    List<AdminViews.Account> rows = new ArrayList<>();
    for (TokenStore.AccountSummary account : accounts.listAccounts()) {
      if (!shows(account, locations)) {
        continue;
      }
      rows.add(
          new AdminViews.Account(
              account.key().type().name().toLowerCase(Locale.ROOT) + ":" + account.key().id(),
              account.status().name().toLowerCase(Locale.ROOT),
              account.statusSince().toString(),
              account.expiresAt().toString(),
              account.statusReason()));
    }
    List<String> configured =
        config.ghl().configuredLocations().stream()
            .filter(location -> locations.covers(new LocationId(location)))
            .toList();
    List<AdminViews.WorkspaceCredly> credly = new ArrayList<>();
    for (WorkspaceDirectory.Workspace workspace : inScope(scope)) {
      credly.add(
          new AdminViews.WorkspaceCredly(
              workspace.id().value(), workspace.name(), credly(workspace).orElse(null)));
    }
    AdminViews.Credly first =
        credly.stream()
            .map(AdminViews.WorkspaceCredly::credly)
            .filter(java.util.Objects::nonNull)
            .findFirst()
            .orElse(null);
    return new AdminViews.Accounts(
        new AdminViews.Ghl(words(config.ghl().mode().name()), configured, rows), first, credly);
  }

  /** A location's account when its location is in scope; an agency's only to who sees all. */
  private static boolean shows(TokenStore.AccountSummary account, LocationScope locations) {
    return account.key().type() == TokenStore.AccountType.LOCATION
        ? locations.covers(new LocationId(account.key().id()))
        : locations instanceof LocationScope.All;
  }

  private Optional<AdminViews.Credly> credly(WorkspaceDirectory.Workspace workspace) {
    Optional<WorkspaceRuntime.Running> running = workspaces.workspace(workspace.id());
    CredlyTokenHealth health = workspaces.tokenHealth().get(workspace.id());
    if (running.isEmpty() || health == null) {
      return Optional.empty();
    }
    CredlyConfig credly = running.get().config().credly();
    CredlyTokenHealth.Status token = health.status();
    return Optional.of(
        new AdminViews.Credly(
            words(credly.environment().name()),
            credly.organizationId(),
            words(credly.records().name()),
            words(token.level().name()),
            text(token.expiresAt()),
            token.daysLeft()));
  }

  /** The workspaces of the scope, in the directory's order. */
  List<WorkspaceDirectory.Workspace> inScope(Scope scope) {
    return workspaces.directory().list().stream()
        .filter(workspace -> scope.all() || scope.workspaces().contains(workspace.id()))
        .toList();
  }

  List<AdminViews.Rule> rules(Scope scope) {
    List<AdminViews.Rule> all = new ArrayList<>();
    for (WorkspaceDirectory.Workspace workspace : inScope(scope)) {
      rules.rules(workspace.id()).rules().stream()
          .map(
              rule ->
                  new AdminViews.Rule(
                      rule.id().value(),
                      RuleText.describe(rule.when()),
                      rule.actions().stream().map(Action::kind).toList(),
                      workspace.id().value()))
          .forEach(all::add);
    }
    return all;
  }

  List<AdminViews.Event> events(Scope scope, int limit) {
    return inbox.listRecent(limit, scopes.filter(scope)).stream()
        .map(AdminReadModel::event)
        .toList();
  }

  private static AdminViews.Event event(JdbcEventInbox.Entry entry) {
    ReceivedEvent received = entry.received();
    Instant processed = entry.processedAt();
    return new AdminViews.Event(
        received.sequence(),
        received.source(),
        received.event().type(),
        received.event().eventId().value(),
        received.event().contactId().value(),
        received.receivedAt().toString(),
        text(processed),
        entry.outcome(),
        // A held event was not applied: it has no latency yet.
        processed == null || EventInbox.HELD.equals(entry.outcome())
            ? null
            : Duration.between(received.receivedAt(), processed).toMillis());
  }

  List<AdminViews.JournalEntry> journal(Scope scope, int limit) {
    return journal.listRecent(limit, scopes.filter(scope)).stream()
        .map(
            entry ->
                new AdminViews.JournalEntry(
                    entry.contactId().value(),
                    entry.ruleId().value(),
                    entry.action(),
                    entry.reason(),
                    entry.state().name().toLowerCase(Locale.ROOT),
                    entry.outcome(),
                    entry.upstreamId(),
                    entry.createdAt().toString(),
                    entry.updatedAt().toString()))
        .toList();
  }

  List<AdminViews.DeadLetter> deadLetters(Scope scope, int limit) {
    return deadLetters.listRecent(limit, scopes.filter(scope)).stream()
        .map(AdminReadModel::deadLetter)
        .toList();
  }

  static AdminViews.DeadLetter deadLetter(io.ghlcredly.core.model.DeadLetter letter) {
    return new AdminViews.DeadLetter(
        letter.id(),
        letter.kind(),
        letter.contactId().value(),
        letter.eventIds().stream().map(EventId::value).toList(),
        letter.detail(),
        letter.cause(),
        letter.attempts(),
        letter.createdAt().toString(),
        text(letter.replayedAt()));
  }

  /**
   * The work queue: sync jobs queued or running (of the whole service), events of the scope not
   * applied yet and the oldest one's age.
   */
  AdminViews.Jobs jobs(Scope scope) {
    LocationFilter filter = scopes.filter(scope);
    Long oldestAge =
        inbox
            .findOldestPendingReceivedAt(filter)
            .map(received -> Math.max(0, Duration.between(received, clock.instant()).toSeconds()))
            .orElse(null);
    return new AdminViews.Jobs(queuedJobs.getAsLong(), inbox.countPending(filter), oldestAge);
  }

  /** Each GHL rate budget (one per location) of the scope as the limiter sees it now. */
  List<AdminViews.RateLimit> rateLimits(Scope scope) {
    LocationScope locations = scopes.locations(scope);
    return rateBudgets.get().stream()
        .filter(budget -> covers(locations, budget.key()))
        .map(
            budget ->
                new AdminViews.RateLimit(
                    budget.key(),
                    budget.limits().burstMax(),
                    budget.limits().interval().toSeconds(),
                    budget.limits().dailyMax(),
                    budget.burstRemaining(),
                    budget.bulkRemaining(),
                    budget.dailyRemaining(),
                    budget.waiters(),
                    budget.pausedFor().toMillis()))
        .toList();
  }

  private static boolean covers(LocationScope locations, String location) {
    return locations instanceof LocationScope.All
        || (!location.isBlank() && locations.covers(new LocationId(location)));
  }

  List<AdminViews.ImportRun> imports(Scope scope) {
    LocationScope locations = scopes.locations(scope);
    List<AdminViews.ImportRun> runs = new ArrayList<>();
    for (Map.Entry<String, JdbcCursorStore.Saved> cursor :
        cursors.listByPrefix(IMPORT_PREFIX).entrySet()) {
      importRun(cursor.getKey(), cursor.getValue())
          .filter(run -> covers(locations, run.locationId()))
          .ifPresent(runs::add);
    }
    return runs;
  }

  /** A checkpoint named {@code import:<locationId>[:<since>]}; other versions are left out. */
  private static Optional<AdminViews.ImportRun> importRun(
      String name, JdbcCursorStore.Saved saved) {
    String rest = name.substring(IMPORT_PREFIX.length());
    int colon = rest.indexOf(':');
    String location = colon < 0 ? rest : rest.substring(0, colon);
    String since = colon < 0 ? null : rest.substring(colon + 1);
    return ImportCheckpoint.parse(saved.position())
        .map(
            checkpoint ->
                new AdminViews.ImportRun(
                    name,
                    location,
                    since,
                    checkpoint.complete() ? "complete" : "running",
                    checkpoint.pages(),
                    checkpoint.walked(),
                    checkpoint.queued(),
                    checkpoint.skipped(),
                    saved.updatedAt().toString()));
  }

  AdminViews.Activity activity(Scope scope) {
    return activity.lastHour(scopes.filter(scope));
  }

  private static @Nullable String text(@Nullable Instant instant) {
    return instant == null ? null : instant.toString();
  }

  /** {@code PRIVATE_TOKEN} as the configuration writes it: {@code private-token}. */
  private static String words(String constant) {
    return constant.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}

package io.ghlcredly.app.admin;

import io.ghlcredly.app.config.AppConfig;
import io.ghlcredly.core.mapping.Action;
import io.ghlcredly.core.mapping.RuleSet;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.ReceivedEvent;
import io.ghlcredly.core.port.ActionJournal;
import io.ghlcredly.core.port.DeadLetterStore;
import io.ghlcredly.core.port.TokenStore;
import io.ghlcredly.core.sync.ImportCheckpoint;
import io.ghlcredly.credly.CredlyTokenHealth;
import io.ghlcredly.http.ratelimit.RateBudget;
import io.ghlcredly.storage.JdbcCursorStore;
import io.ghlcredly.storage.JdbcEventInbox;
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
 * Reads what operators look at from the stores and turns it into {@link AdminViews}: the one place
 * that decides what leaves the service, so that no secret can. Thread-safe.
 */
final class AdminReadModel {
  static final String IMPORT_PREFIX = "import:";

  private final AppConfig config;
  private final TokenStore accounts;
  private final CredlyTokenHealth credlyToken;
  private final Supplier<RuleSet> rules;
  private final JdbcEventInbox inbox;
  private final ActionJournal journal;
  private final DeadLetterStore deadLetters;
  private final JdbcCursorStore cursors;
  private final ActivityChart activity;

  private final Supplier<List<RateBudget>> rateBudgets;
  private final LongSupplier queuedJobs;
  private final InstantSource clock;

  AdminReadModel(
      AppConfig config,
      TokenStore accounts,
      CredlyTokenHealth credlyToken,
      Supplier<RuleSet> rules,
      Supplier<List<RateBudget>> rateBudgets,
      LongSupplier queuedJobs,
      InstantSource clock,
      Stores stores) {
    this.config = config;
    this.rateBudgets = rateBudgets;
    this.queuedJobs = queuedJobs;
    this.clock = clock;
    this.accounts = accounts;
    this.credlyToken = credlyToken;
    this.rules = rules;
    this.inbox = stores.inbox();
    this.journal = stores.journal();
    this.deadLetters = stores.deadLetters();
    this.cursors = stores.cursors();
    this.activity = stores.activity();
  }

  /** The stores read, the JDBC ones where operators need more than the engine's ports offer. */
  record Stores(
      JdbcEventInbox inbox,
      ActionJournal journal,
      DeadLetterStore deadLetters,
      JdbcCursorStore cursors,
      ActivityChart activity) {}

  AdminViews.Accounts accounts() {
    List<AdminViews.Account> rows = new ArrayList<>();
    for (TokenStore.AccountSummary account : accounts.listAccounts()) {
      rows.add(
          new AdminViews.Account(
              account.key().type().name().toLowerCase(Locale.ROOT) + ":" + account.key().id(),
              account.status().name().toLowerCase(Locale.ROOT),
              account.statusSince().toString(),
              account.expiresAt().toString(),
              account.statusReason()));
    }
    CredlyTokenHealth.Status token = credlyToken.status();
    return new AdminViews.Accounts(
        new AdminViews.Ghl(
            words(config.ghl().mode().name()), config.ghl().configuredLocations(), rows),
        new AdminViews.Credly(
            words(config.workspaces().get(0).credly().environment().name()),
            config.workspaces().get(0).credly().organizationId(),
            words(config.workspaces().get(0).credly().records().name()),
            words(token.level().name()),
            text(token.expiresAt()),
            token.daysLeft()));
  }

  List<AdminViews.Rule> rules() {
    return rules.get().rules().stream()
        .map(
            rule ->
                new AdminViews.Rule(
                    rule.id().value(),
                    RuleText.describe(rule.when()),
                    rule.actions().stream().map(Action::kind).toList()))
        .toList();
  }

  List<AdminViews.Event> events(int limit) {
    return inbox.listRecent(limit).stream().map(AdminReadModel::event).toList();
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
        processed == null ? null : Duration.between(received.receivedAt(), processed).toMillis());
  }

  List<AdminViews.JournalEntry> journal(int limit) {
    return journal.listRecent(limit).stream()
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

  List<AdminViews.DeadLetter> deadLetters(int limit) {
    return deadLetters.listRecent(limit).stream().map(AdminReadModel::deadLetter).toList();
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
   * The work queue: sync jobs queued or running, events not applied yet and the oldest one's age.
   */
  AdminViews.Jobs jobs() {
    Long oldestAge =
        inbox
            .findOldestPendingReceivedAt()
            .map(received -> Math.max(0, Duration.between(received, clock.instant()).toSeconds()))
            .orElse(null);
    return new AdminViews.Jobs(queuedJobs.getAsLong(), inbox.countPending(), oldestAge);
  }

  /** Each GHL rate budget (one per location) as the limiter sees it now. */
  List<AdminViews.RateLimit> rateLimits() {
    return rateBudgets.get().stream()
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

  List<AdminViews.ImportRun> imports() {
    List<AdminViews.ImportRun> runs = new ArrayList<>();
    for (Map.Entry<String, JdbcCursorStore.Saved> cursor :
        cursors.listByPrefix(IMPORT_PREFIX).entrySet()) {
      importRun(cursor.getKey(), cursor.getValue()).ifPresent(runs::add);
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

  AdminViews.Activity activity() {
    return activity.lastHour();
  }

  private static @Nullable String text(@Nullable Instant instant) {
    return instant == null ? null : instant.toString();
  }

  /** {@code PRIVATE_TOKEN} as the configuration writes it: {@code private-token}. */
  private static String words(String constant) {
    return constant.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}

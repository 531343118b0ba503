package io.ghlcredly.web.admin;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the admin API returns and the dashboard shows: plain values (times as ISO-8601 text), never
 * a token or secret. Null fields are left out of the JSON.
 */
public final class AdminViews {
  private AdminViews() {}

  /** The connected systems and the health of their credentials. */
  public record Accounts(Ghl ghl, Credly credly) {}

  /**
   * How GoHighLevel is connected.
   *
   * @param authMode {@code private-token} or {@code oauth}
   * @param locations the locations configured for reconciliation
   * @param accounts OAuth accounts in the token store (none in private-token mode)
   */
  public record Ghl(String authMode, List<String> locations, List<Account> accounts) {
    public Ghl {
      locations = List.copyOf(locations);
      accounts = List.copyOf(accounts);
    }
  }

  public record Account(
      String account,
      String status,
      String since,
      String tokenExpiresAt,
      @Nullable String reason) {}

  public record Credly(
      String environment,
      String organizationId,
      String records,
      String tokenLevel,
      @Nullable String tokenExpiresAt,
      @Nullable Long tokenDaysLeft) {}

  /** A rule as loaded: its id, its condition in words, the kinds of its actions in order. */
  public record Rule(String id, String when, List<String> actions) {
    public Rule {
      actions = List.copyOf(actions);
    }
  }

  public record Event(
      long sequence,
      String source,
      String type,
      String eventId,
      String contactId,
      String receivedAt,
      @Nullable String processedAt,
      @Nullable String outcome,
      @Nullable Long latencyMs) {}

  public record JournalEntry(
      String contactId,
      String ruleId,
      String action,
      String reason,
      String state,
      @Nullable String outcome,
      @Nullable String upstreamId,
      String createdAt,
      String updatedAt) {}

  public record DeadLetter(
      long id,
      String kind,
      String contactId,
      List<String> eventIds,
      String detail,
      String cause,
      int attempts,
      String createdAt,
      @Nullable String replayedAt) {
    public DeadLetter {
      eventIds = List.copyOf(eventIds);
    }
  }

  /**
   * The work queue.
   *
   * @param oldestPendingAgeSeconds how long the oldest unapplied event has waited; null when none
   */
  public record Jobs(long queued, long pendingEvents, @Nullable Long oldestPendingAgeSeconds) {}

  /** One location's GHL rate budget: limits in force and what is left now. */
  public record RateLimit(
      String key,
      long burstMax,
      long intervalSeconds,
      long dailyMax,
      long burstRemaining,
      long bulkRemaining,
      long dailyRemaining,
      int waiters,
      long pausedMillis) {}

  /** An import run from its checkpoint; {@code state} is {@code running} or {@code complete}. */
  public record ImportRun(
      String name,
      String locationId,
      @Nullable String since,
      String state,
      long pages,
      long walked,
      long queued,
      long skipped,
      String updatedAt) {}

  /** Events received per minute and how long they took to process (received → processed). */
  public record Minute(
      String minute,
      long received,
      long processed,
      @Nullable Long meanLatencyMs,
      @Nullable Long maxLatencyMs) {}

  public record Activity(String from, String to, List<Minute> minutes) {
    public Activity {
      minutes = List.copyOf(minutes);
    }
  }

  /** The outcome of one replay: {@code replayed}, {@code already-replayed} or {@code not-found}. */
  public record Replay(long id, String result, @Nullable DeadLetter deadLetter) {}

  /** A change made through the browser or the admin API: who, what, on what, when. */
  public record Change(String at, String actor, String action, String subject) {}
}

package io.ghlcredly.web.admin;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the admin API returns and the dashboard shows: plain values (times as ISO-8601 text), never
 * a token or secret. Null fields are left out of the JSON.
 */
public final class AdminViews {
  private AdminViews() {}

  /**
   * The connected systems and the health of their credentials.
   *
   * @param credly the first workspace in scope with a Credly organization; null when none has one
   * @param workspaces each workspace in scope with its Credly organization and token health
   */
  public record Accounts(Ghl ghl, @Nullable Credly credly, List<WorkspaceCredly> workspaces) {
    public Accounts {
      workspaces = List.copyOf(workspaces);
    }
  }

  /**
   * One workspace's Credly connection.
   *
   * @param credly null when no Credly organization is connected (a workspace created in the
   *     browser)
   */
  public record WorkspaceCredly(String workspace, String name, @Nullable Credly credly) {}

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

  /**
   * A rule as loaded: its id, its condition in words, the kinds of its actions in order, and the
   * workspace whose rule it is.
   */
  public record Rule(String id, String when, List<String> actions, String workspace) {
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

  /**
   * A workspace with its locations and health.
   *
   * @param source {@code file} (the configuration file's, read-only here) or {@code browser}
   * @param credlyOrganization null when no Credly organization is connected
   * @param problems what keeps it from working, in plain words; empty when it works
   */
  public record Workspace(
      String id,
      String name,
      String source,
      @Nullable String credlyOrganization,
      List<Location> locations,
      List<String> problems) {
    public Workspace {
      locations = List.copyOf(locations);
      problems = List.copyOf(problems);
    }

    /** Whether nothing keeps the workspace from working. */
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /**
   * A GHL location.
   *
   * @param name as GHL gives it; null when not known yet
   * @param fromFile the configuration file assigns it: the browser cannot move it
   */
  public record Location(String id, @Nullable String name, boolean fromFile) {}

  /** A location whose events wait for a workspace: how many, since when. */
  public record HeldLocation(String id, @Nullable String name, long events, String since) {}

  /**
   * A location an admin may assign: installed (app install or private token) or with held events.
   *
   * @param workspace the workspace serving it now; null when none
   * @param fromFile the configuration file assigns it: the browser cannot move it
   */
  public record LocationChoice(
      String id, @Nullable String name, @Nullable String workspace, boolean fromFile) {}

  /**
   * The outcome of a change to workspaces.
   *
   * @param status the HTTP status it answers with (200, 201, 400, 404, 409)
   * @param field the form field a refusal is about; null when done or about no field
   * @param message what happened or why not, in plain words
   */
  public record WorkspaceOutcome(int status, @Nullable String field, String message) {
    /** Whether the change was made. */
    public boolean done() {
      return status < 300;
    }
  }

  /**
   * A contact as we last saw it (its last applied snapshot).
   *
   * @param name first and last name; null when the snapshot has neither
   * @param email null when the snapshot has none
   * @param locationName as GHL gives it; null when not known
   * @param lastActivity its newest event or sync (ISO-8601); null when not known
   * @param lastActivityAgo the same in words, such as {@code 3 minutes ago}
   * @param badges the badge templates the issuance ledger says it holds
   */
  public record Contact(
      String id,
      @Nullable String name,
      @Nullable String email,
      @Nullable String locationId,
      @Nullable String locationName,
      @Nullable String lastActivity,
      @Nullable String lastActivityAgo,
      List<String> badges) {
    public Contact {
      badges = List.copyOf(badges);
    }

    /** What to call the contact: its name, else its email, else its id. */
    public String label() {
      return name != null ? name : email != null ? email : id;
    }
  }

  /**
   * One thing that happened to a contact, in plain words.
   *
   * @param at when (ISO-8601)
   * @param ago the same in words, such as {@code 3 minutes ago}
   * @param kind {@code event}, {@code action}, {@code badge}, {@code failure} or {@code change}
   * @param type what the logs and the API call it ({@code contact.tags-updated}, {@code
   *     issue-badge}, a badge template id)
   * @param title what happened, such as {@code Tags changed}
   * @param state where it stands in words; empty when it has no state
   * @param tone {@code ok}, {@code warn}, {@code bad} or empty, for the page's colours
   * @param details further facts in words
   * @param deadLetterId for a failure, the dead letter a retry replays
   * @param retried for a failure, whether it was retried already
   */
  public record TimelineEntry(
      String at,
      String ago,
      String kind,
      String type,
      String title,
      String state,
      String tone,
      List<String> details,
      @Nullable Long deadLetterId,
      boolean retried) {
    public TimelineEntry {
      details = List.copyOf(details);
    }
  }

  /** A contact and what happened to it, newest first. */
  public record ContactTimeline(Contact contact, List<TimelineEntry> entries) {
    public ContactTimeline {
      entries = List.copyOf(entries);
    }
  }
}

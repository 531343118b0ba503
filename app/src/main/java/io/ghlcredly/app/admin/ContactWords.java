package io.ghlcredly.app.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The words the pages use for what the logs and the API name by code: event types, rule actions,
 * journal and ledger states, and times as "3 minutes ago".
 */
final class ContactWords {
  private static final Map<String, String> EVENTS =
      Map.ofEntries(
          Map.entry("contact.created", "Contact created in GHL"),
          Map.entry("contact.updated", "Contact details changed"),
          Map.entry("contact.tags-updated", "Tags changed"),
          Map.entry("contact.deleted", "Contact deleted in GHL"),
          Map.entry("contact.dnd-updated", "Do-not-disturb changed"),
          Map.entry("contact.seen", "Contact read from GHL (import or check)"),
          Map.entry("note.created", "Note added"),
          Map.entry("note.updated", "Note changed"),
          Map.entry("note.deleted", "Note deleted"),
          Map.entry("task.created", "Task created"),
          Map.entry("task.completed", "Task completed"),
          Map.entry("task.deleted", "Task deleted"),
          Map.entry("badge.created", "Credly: badge created"),
          Map.entry("badge.state-changed", "Credly: badge state changed"),
          Map.entry("badge.deleted", "Credly: badge deleted"));

  private static final Map<String, String> ACTIONS =
      Map.ofEntries(
          Map.entry("issue-badge", "Issue a badge"),
          Map.entry("replace-badge", "Replace a badge"),
          Map.entry("revoke-badges", "Revoke badges"),
          Map.entry("upsert-record", "Update the person's Credly record"),
          Map.entry("delete-record", "Delete the person's Credly record"),
          Map.entry("ghl-add-note", "Add a note in GHL"),
          Map.entry("ghl-add-tag", "Add a tag in GHL"),
          Map.entry("ghl-remove-tag", "Remove a tag in GHL"),
          Map.entry("ghl-create-task", "Create a task in GHL"),
          Map.entry("ghl-complete-task", "Complete a task in GHL"));

  private static final Map<String, String> ACTION_STATES =
      Map.of("pending", "in progress", "done", "done", "failed", "failed");

  private static final Map<String, String> BADGE_STATES =
      Map.of(
          "pending", "being issued",
          "issued", "issued",
          "failed", "failed",
          "revoked", "revoked",
          "replaced", "replaced by another badge");

  private ContactWords() {}

  static String event(String type) {
    return EVENTS.getOrDefault(type, type);
  }

  static String action(String kind) {
    return ACTIONS.getOrDefault(kind, kind);
  }

  static String actionState(String state) {
    return ACTION_STATES.getOrDefault(state, state);
  }

  static String badgeState(String state) {
    return BADGE_STATES.getOrDefault(state, state);
  }

  /** {@code ok}, {@code warn} or {@code bad} for a journal or ledger state. */
  static String tone(String state) {
    return switch (state) {
      case "done", "issued" -> "ok";
      case "failed" -> "bad";
      case "pending" -> "warn";
      default -> "";
    };
  }

  /** {@code 3 minutes ago}, {@code 2 hours ago}, {@code 5 days ago}; {@code just now}. */
  static String ago(Instant then, Instant now) {
    Duration age = Duration.between(then, now);
    if (age.toSeconds() < 60) {
      return "just now";
    }
    if (age.toMinutes() < 60) {
      return plural(age.toMinutes(), "minute");
    }
    if (age.toHours() < 48) {
      return plural(age.toHours(), "hour");
    }
    return plural(age.toDays(), "day");
  }

  private static String plural(long count, String unit) {
    return String.format(Locale.ROOT, "%d %s%s ago", count, unit, count == 1 ? "" : "s");
  }
}

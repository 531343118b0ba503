package io.ghlcredly.app.admin;

import io.ghlcredly.app.operations.AuditTrail;
import io.ghlcredly.core.model.DeadLetter;
import io.ghlcredly.web.admin.AdminViews;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A contact's timeline for people: the trail {@code audit} prints ({@link AuditTrail}) and the
 * contact's dead letters, newest first, each in plain words.
 */
final class ContactTimelines {
  private ContactTimelines() {}

  private record Timed(Instant at, long order, AdminViews.TimelineEntry entry) {}

  static List<AdminViews.TimelineEntry> of(
      List<AuditTrail.Entry> trail, List<DeadLetter> failures, Instant now) {
    List<Timed> all = new ArrayList<>();
    // The trail is oldest first: its position keeps its order at equal times.
    for (int i = 0; i < trail.size(); i++) {
      AuditTrail.Entry entry = trail.get(i);
      all.add(new Timed(entry.at(), i, entry(entry, now)));
    }
    for (DeadLetter failure : failures) {
      all.add(new Timed(failure.createdAt(), Long.MAX_VALUE, failure(failure, now)));
    }
    all.sort(Comparator.comparing(Timed::at).thenComparingLong(Timed::order).reversed());
    return all.stream().map(Timed::entry).toList();
  }

  private static AdminViews.TimelineEntry entry(AuditTrail.Entry entry, Instant now) {
    Map<String, String> details = entry.details();
    List<String> words = new ArrayList<>();
    String title;
    String state = "";
    String tone = "";
    switch (entry.kind()) {
      case "event" -> {
        title = ContactWords.event(entry.subject());
        words.add("from " + ("credly".equals(details.get("source")) ? "Credly" : "GHL"));
      }
      case "action" -> {
        title = ContactWords.action(entry.subject());
        state = ContactWords.actionState(entry.state());
        tone = ContactWords.tone(entry.state());
        words.add("rule " + details.get("rule") + ", because " + details.get("reason"));
        addIf(words, "result: ", details.get("outcome"));
      }
      case "badge" -> {
        title = "Badge " + entry.subject();
        state = ContactWords.badgeState(entry.state());
        tone = ContactWords.tone(entry.state());
        words.add("rule " + details.get("rule"));
        addIf(words, "in Credly: ", details.get("badge-state"));
        addIf(words, "Credly badge id ", details.get("badge-id"));
      }
      default -> {
        title = "Changed here: " + entry.subject();
        addIf(words, "by ", details.get("by"));
      }
    }
    return new AdminViews.TimelineEntry(
        entry.at().toString(),
        ContactWords.ago(entry.at(), now),
        entry.kind(),
        entry.subject(),
        title,
        state,
        tone,
        words,
        null,
        false);
  }

  private static AdminViews.TimelineEntry failure(DeadLetter failure, Instant now) {
    boolean retried = failure.replayedAt() != null;
    List<String> words = new ArrayList<>();
    words.add("what went wrong: " + failure.cause());
    if (!failure.detail().isBlank()) {
      words.add(failure.detail());
    }
    words.add(
        "gave up after " + failure.attempts() + (failure.attempts() == 1 ? " try" : " tries"));
    return new AdminViews.TimelineEntry(
        failure.createdAt().toString(),
        ContactWords.ago(failure.createdAt(), now),
        "failure",
        failure.kind(),
        retried ? "Failed, retried since" : "Failed, needs attention",
        "",
        retried ? "warn" : "bad",
        words,
        failure.id(),
        retried);
  }

  private static void addIf(
      List<String> words, String prefix, @org.jspecify.annotations.Nullable String value) {
    if (value != null && !value.isBlank()) {
      words.add(prefix + value);
    }
  }
}

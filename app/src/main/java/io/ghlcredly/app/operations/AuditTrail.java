package io.ghlcredly.app.operations;

import io.ghlcredly.core.model.Issuance;
import io.ghlcredly.core.model.JournalEntry;
import io.ghlcredly.core.model.ReceivedEvent;
import io.ghlcredly.core.port.ChangeLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A contact's trail: the events received, the actions journaled and the badge claims of the ledger,
 * merged by time. Journal entries and ledger rows stand at their last change, with the state they
 * have now. Ids only, no personal data.
 */
public final class AuditTrail {
  // At equal times an event comes before the actions and claims it caused.
  private static final List<String> KIND_ORDER = List.of("event", "action", "badge", "change");
  private static final Comparator<Entry> CHRONOLOGICAL =
      Comparator.comparing(Entry::at)
          .thenComparingInt((Entry entry) -> KIND_ORDER.indexOf(entry.kind()))
          .thenComparingLong(Entry::order);

  private AuditTrail() {}

  /**
   * One line of the trail.
   *
   * @param kind {@code event}, {@code action}, {@code badge} or {@code change}
   * @param subject the event type, the action, or the badge template id
   * @param state where it stands ({@code -} when the source does not say)
   * @param details further fields in a fixed order; absent values are left out
   * @param order orders entries of one kind at the same instant (an event's arrival sequence)
   */
  public record Entry(
      Instant at,
      String kind,
      String subject,
      String state,
      Map<String, String> details,
      long order) {
    public Entry {
      details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
  }

  /** The newest {@code limit} entries of the three sources, oldest first. */
  public static List<Entry> merge(
      List<ReceivedEvent> events,
      List<JournalEntry> actions,
      List<Issuance> badges,
      List<ChangeLog.Change> changes,
      int limit) {
    List<Entry> all = new ArrayList<>();
    changes.forEach(change -> all.add(entry(change)));
    events.forEach(event -> all.add(entry(event)));
    actions.forEach(action -> all.add(entry(action)));
    badges.forEach(badge -> all.add(entry(badge)));
    return all.stream()
        .sorted(CHRONOLOGICAL.reversed())
        .limit(limit)
        .sorted(CHRONOLOGICAL)
        .toList();
  }

  // A change made through the browser or the admin API: who made it is the point.
  private static Entry entry(ChangeLog.Change change) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("by", change.actor());
    return new Entry(change.at(), "change", change.action(), "-", details, 0);
  }

  private static Entry entry(ReceivedEvent received) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("event-id", received.event().eventId().value());
    details.put("source", received.source());
    details.put("sequence", Long.toString(received.sequence()));
    return new Entry(
        received.receivedAt(), "event", received.event().type(), "-", details, received.sequence());
  }

  private static Entry entry(JournalEntry action) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("rule", action.ruleId().value());
    details.put("reason", action.reason());
    put(details, "outcome", action.outcome());
    put(details, "upstream-id", action.upstreamId());
    putCreated(details, action.createdAt(), action.updatedAt());
    return new Entry(
        action.updatedAt(), "action", action.action(), lower(action.state()), details, 0);
  }

  private static Entry entry(Issuance badge) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("rule", badge.ruleId().value());
    put(details, "badge-id", badge.badgeId());
    if (badge.badgeState() != null) {
      details.put("badge-state", badge.badgeState().wireName());
    }
    putCreated(details, badge.createdAt(), badge.updatedAt());
    return new Entry(
        badge.updatedAt(), "badge", badge.templateId().value(), lower(badge.state()), details, 0);
  }

  private static void put(Map<String, String> details, String key, @Nullable String value) {
    if (value != null) {
      details.put(key, value);
    }
  }

  // The entry's time is its last change; its creation is worth showing only when earlier.
  private static void putCreated(Map<String, String> details, Instant created, Instant updated) {
    if (created.isBefore(updated)) {
      details.put("created", created.toString());
    }
  }

  private static String lower(Enum<?> state) {
    return state.name().toLowerCase(Locale.ROOT);
  }
}

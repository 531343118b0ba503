package io.ghlcredly.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.model.BadgeState;
import io.ghlcredly.core.model.BadgeTemplateId;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.Issuance;
import io.ghlcredly.core.model.JournalEntry;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.ReceivedEvent;
import io.ghlcredly.core.model.RuleId;
import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.core.port.ChangeLog;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditTrailTest {
  private static final ContactId ADA = new ContactId("ada");
  private static final RuleId RULE = new RuleId("vip");
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void mergesTheSourcesOldestFirstWithEventsBeforeWhatTheyCausedAtTheSameInstant() {
    List<AuditTrail.Entry> trail =
        AuditTrail.merge(
            List.of(event(2, "wh-2", T0.plusSeconds(60)), event(1, "wh-1", T0)),
            List.of(done("note", T0.plusSeconds(61)), done("task", T0)),
            List.of(issued(T0)),
            List.of(
                new ChangeLog.Change(
                    T0.plusSeconds(62),
                    "editor@academy.example",
                    "replayed dead letter 4",
                    "c1",
                    null)),
            10);

    assertThat(trail)
        .extracting(AuditTrail.Entry::kind, AuditTrail.Entry::subject)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("event", "contact.tags-updated"),
            org.assertj.core.groups.Tuple.tuple("action", "task"),
            org.assertj.core.groups.Tuple.tuple("badge", "tmpl-1"),
            org.assertj.core.groups.Tuple.tuple("event", "contact.tags-updated"),
            org.assertj.core.groups.Tuple.tuple("action", "note"),
            org.assertj.core.groups.Tuple.tuple("change", "replayed dead letter 4"));
    assertThat(trail.get(5).details()).containsEntry("by", "editor@academy.example");
    assertThat(trail.get(0).details()).containsEntry("event-id", "wh-1");
    assertThat(trail.get(2).details())
        .containsEntry("badge-id", "badge-9")
        .containsEntry("badge-state", "accepted");
    assertThat(trail.get(4).details()).containsEntry("upstream-id", "up-note");
  }

  @Test
  void keepsTheNewestEntriesWhenThereAreMoreThanTheLimit() {
    List<AuditTrail.Entry> trail =
        AuditTrail.merge(
            List.of(
                event(3, "wh-3", T0.plusSeconds(2)),
                event(2, "wh-2", T0.plusSeconds(1)),
                event(1, "wh-1", T0)),
            List.of(),
            List.of(),
            List.of(),
            2);

    assertThat(trail)
        .extracting(entry -> entry.details().get("event-id"))
        .containsExactly("wh-2", "wh-3");
  }

  @Test
  void showsTheCreationTimeOnlyWhenItDiffersFromTheLastChange() {
    List<AuditTrail.Entry> trail =
        AuditTrail.merge(
            List.of(),
            List.of(done("same", T0)),
            List.of(issuedLater(T0, T0.plusSeconds(5))),
            List.of(),
            10);

    assertThat(trail.get(0).details()).doesNotContainKey("created");
    assertThat(trail.get(1).details()).containsEntry("created", T0.toString());
  }

  private static ReceivedEvent event(long sequence, String eventId, Instant at) {
    return new ReceivedEvent(
        sequence,
        "ghl",
        new SyncEvent.ContactTagsUpdated(new EventId(eventId), ADA, new LocationId("loc"), at),
        at);
  }

  private static JournalEntry done(String action, Instant at) {
    return new JournalEntry(
        "key-" + action,
        ADA,
        RULE,
        action,
        "tag 'vip' added",
        JournalEntry.State.DONE,
        "done",
        "up-" + action,
        at,
        at);
  }

  private static Issuance issued(Instant at) {
    return new Issuance(
        ADA,
        new BadgeTemplateId("tmpl-1"),
        RULE,
        Issuance.State.ISSUED,
        "badge-9",
        at,
        at,
        BadgeState.ACCEPTED);
  }

  private static Issuance issuedLater(Instant created, Instant updated) {
    return new Issuance(
        ADA, new BadgeTemplateId("tmpl-2"), RULE, Issuance.State.FAILED, null, created, updated);
  }
}

package io.ghlcredly.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ghlcredly.core.error.NotFoundException;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.JournalEntry;
import io.ghlcredly.core.model.RuleId;
import io.ghlcredly.core.port.ActionJournal.Claim;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link JdbcActionJournal} must do, on each database. */
public abstract class ActionJournalContract extends StoreFixture {
  private static final ContactId ANNA = new ContactId("contact-anna");
  private static final ContactId BEN = new ContactId("contact-ben");
  private static final RuleId RULE = new RuleId("vip-note");
  private static final Instant T0 = Instant.parse("2026-03-08T06:59:58.123Z");

  private JdbcActionJournal journal;

  @BeforeEach
  void createJournal() {
    journal = new JdbcActionJournal(database);
  }

  private static JournalEntry pending(String key, ContactId contact, Instant at) {
    return JournalEntry.pending(key, contact, RULE, "ghl-add-note", "tag 'vip' added", at);
  }

  @Test
  void firstClaimIsNewAndPending() {
    JournalEntry entry = pending("k1", ANNA, T0);

    Claim claim = journal.claim(entry);

    assertThat(claim.newlyClaimed()).isTrue();
    assertThat(claim.entry()).isEqualTo(entry);
  }

  @Test
  void secondClaimReturnsTheExistingEntry() {
    journal.claim(pending("k1", ANNA, T0));
    journal.complete("k1", "done", "note-42", T0.plusSeconds(1));

    Claim again = journal.claim(pending("k1", ANNA, T0.plusSeconds(2)));

    assertThat(again.newlyClaimed()).isFalse();
    assertThat(again.entry())
        .isEqualTo(
            new JournalEntry(
                "k1",
                ANNA,
                RULE,
                "ghl-add-note",
                "tag 'vip' added",
                JournalEntry.State.DONE,
                "done",
                "note-42",
                T0,
                T0.plusSeconds(1)));
  }

  @Test
  void completingWithoutAnUpstreamIdKeepsTheOutcome() {
    journal.claim(pending("k1", ANNA, T0));

    journal.complete("k1", "unchanged", null, T0.plusSeconds(1));

    JournalEntry entry = journal.listByContact(ANNA, 1).get(0);
    assertThat(entry.state()).isEqualTo(JournalEntry.State.DONE);
    assertThat(entry.outcome()).isEqualTo("unchanged");
    assertThat(entry.upstreamId()).isNull();
  }

  @Test
  void failingKeepsTheCause() {
    journal.claim(pending("k1", ANNA, T0));

    journal.fail("k1", "422 Invalid or missing title", T0.plusSeconds(1));

    JournalEntry entry = journal.listByContact(ANNA, 1).get(0);
    assertThat(entry.state()).isEqualTo(JournalEntry.State.FAILED);
    assertThat(entry.outcome()).isEqualTo("422 Invalid or missing title");
    assertThat(entry.updatedAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(journal.claim(pending("k1", ANNA, T0.plusSeconds(2))).newlyClaimed()).isFalse();
  }

  @Test
  void finishingAnUnknownEntryFails() {
    assertThatThrownBy(() -> journal.complete("nope", "done", null, T0))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("nope");
    assertThatThrownBy(() -> journal.fail("nope", "cause", T0))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void releasingRemovesOnlyTheContactsFailedEntries() {
    journal.claim(pending("anna-failed", ANNA, T0));
    journal.fail("anna-failed", "boom", T0);
    journal.claim(pending("anna-done", ANNA, T0));
    journal.complete("anna-done", "done", "note-1", T0);
    journal.claim(pending("anna-pending", ANNA, T0));
    journal.claim(pending("ben-failed", BEN, T0));
    journal.fail("ben-failed", "boom", T0);

    int released = journal.releaseFailed(ANNA);

    assertThat(released).isEqualTo(1);
    assertThat(journal.listByContact(ANNA, 10))
        .extracting(JournalEntry::key)
        .containsExactlyInAnyOrder("anna-done", "anna-pending");
    assertThat(journal.listByContact(BEN, 10)).extracting(JournalEntry::key).contains("ben-failed");
    assertThat(journal.claim(pending("anna-failed", ANNA, T0.plusSeconds(1))).newlyClaimed())
        .isTrue();
    assertThat(journal.releaseFailed(ANNA)).isZero();
  }

  @Test
  void listsAContactsEntriesNewestFirst() {
    journal.claim(pending("first", ANNA, T0));
    journal.claim(pending("other-contact", BEN, T0.plusSeconds(5)));
    journal.claim(pending("third", ANNA, T0.plusSeconds(2)));
    journal.claim(pending("second", ANNA, T0.plusSeconds(1)));
    // Same instant as "third": the later insert counts as newer.
    journal.claim(pending("fourth", ANNA, T0.plusSeconds(2)));

    assertThat(journal.listByContact(ANNA, 10))
        .extracting(JournalEntry::key)
        .containsExactly("fourth", "third", "second", "first");
    assertThat(journal.listByContact(ANNA, 2))
        .extracting(JournalEntry::key)
        .containsExactly("fourth", "third");
    assertThat(journal.listByContact(new ContactId("nobody"), 10)).isEmpty();
  }

  @Test
  void listsRecentEntriesOfAllContactsNewestFirst() {
    journal.claim(pending("a1", ANNA, T0));
    journal.claim(pending("b1", BEN, T0.plusSeconds(1)));
    journal.claim(pending("a2", ANNA, T0.plusSeconds(2)));

    assertThat(journal.listRecent(10))
        .extracting(JournalEntry::key)
        .containsExactly("a2", "b1", "a1");
    assertThat(journal.listRecent(1)).extracting(JournalEntry::key).containsExactly("a2");
  }

  @Test
  void duplicateClaimInsideATransactionLeavesTheTransactionUsable() {
    journal.claim(pending("k1", ANNA, T0));

    boolean[] results =
        database.inTransaction(
            connection ->
                new boolean[] {
                  journal.claim(pending("k1", ANNA, T0)).newlyClaimed(),
                  journal.claim(pending("k2", ANNA, T0)).newlyClaimed()
                });

    assertThat(results).containsExactly(false, true);
    assertThat(journal.listRecent(10)).hasSize(2);
  }

  @Test
  void concurrentClaimsOfOneKeyHaveExactlyOneWinner() throws Exception {
    int threads = 12;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Claim>> claims = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Instant at = T0.plusSeconds(i);
        claims.add(
            pool.submit(
                () -> {
                  go.await(10, TimeUnit.SECONDS);
                  return journal.claim(pending("race", ANNA, at));
                }));
      }
      go.countDown();
      List<Claim> results = new ArrayList<>();
      for (Future<Claim> claim : claims) {
        results.add(claim.get(30, TimeUnit.SECONDS));
      }
      assertThat(results).filteredOn(Claim::newlyClaimed).hasSize(1);
      JournalEntry winner =
          results.stream().filter(Claim::newlyClaimed).findFirst().orElseThrow().entry();
      assertThat(results).extracting(Claim::entry).containsOnly(winner);
    } finally {
      pool.shutdownNow();
    }
    assertThat(journal.listRecent(10)).hasSize(1);
  }
}

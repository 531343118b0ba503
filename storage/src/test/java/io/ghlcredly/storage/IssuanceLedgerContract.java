package io.ghlcredly.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ghlcredly.core.error.NotFoundException;
import io.ghlcredly.core.model.BadgeState;
import io.ghlcredly.core.model.BadgeTemplateId;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.Issuance;
import io.ghlcredly.core.model.RuleId;
import io.ghlcredly.core.port.IssuanceLedger.Claim;
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

/** What every {@link JdbcIssuanceLedger} must do, on each database. */
public abstract class IssuanceLedgerContract extends StoreFixture {
  private static final ContactId ANNA = new ContactId("contact-anna");
  private static final BadgeTemplateId GOLD = new BadgeTemplateId("tmpl-gold");
  private static final BadgeTemplateId SILVER = new BadgeTemplateId("tmpl-silver");
  private static final RuleId RULE = new RuleId("vip-gold");
  private static final Instant T0 = Instant.parse("2026-07-04T23:59:59.999Z");

  private JdbcIssuanceLedger ledger;

  @BeforeEach
  void createLedger() {
    ledger = new JdbcIssuanceLedger(database);
  }

  @Test
  void firstClaimIsNewAndPending() {
    Claim claim = ledger.claim(ANNA, GOLD, RULE, T0);

    assertThat(claim.newlyClaimed()).isTrue();
    assertThat(claim.issuance())
        .isEqualTo(new Issuance(ANNA, GOLD, RULE, Issuance.State.PENDING, null, T0, T0));
  }

  @Test
  void secondClaimReturnsTheExistingRow() {
    ledger.claim(ANNA, GOLD, RULE, T0);
    ledger.markIssued(ANNA, GOLD, "badge-1", T0.plusSeconds(1));

    Claim again = ledger.claim(ANNA, GOLD, new RuleId("other-rule"), T0.plusSeconds(2));

    assertThat(again.newlyClaimed()).isFalse();
    assertThat(again.issuance().state()).isEqualTo(Issuance.State.ISSUED);
    assertThat(again.issuance().badgeId()).isEqualTo("badge-1");
    assertThat(again.issuance().ruleId()).isEqualTo(RULE);
    assertThat(again.issuance().updatedAt()).isEqualTo(T0.plusSeconds(1));
  }

  @Test
  void concurrentClaimsOfOnePairHaveExactlyOneWinner() throws Exception {
    int threads = 12;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Claim>> claims = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        claims.add(
            pool.submit(
                () -> {
                  go.await(10, TimeUnit.SECONDS);
                  return ledger.claim(ANNA, GOLD, RULE, T0);
                }));
      }
      go.countDown();
      int winners = 0;
      for (Future<Claim> claim : claims) {
        Claim result = claim.get(30, TimeUnit.SECONDS);
        assertThat(result.issuance().contactId()).isEqualTo(ANNA);
        winners += result.newlyClaimed() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(ledger.listByContact(ANNA)).hasSize(1);
  }

  @Test
  void marksFailedAndCountsOnlyIssued() {
    ledger.claim(ANNA, GOLD, RULE, T0);
    ledger.claim(ANNA, SILVER, RULE, T0);
    ledger.markIssued(ANNA, GOLD, "badge-1", T0);
    ledger.markFailed(ANNA, SILVER, T0.plusSeconds(3));

    assertThat(ledger.find(ANNA, SILVER).orElseThrow().state()).isEqualTo(Issuance.State.FAILED);
    assertThat(ledger.countIssued()).isEqualTo(1);
    assertThat(ledger.listByContact(ANNA))
        .extracting(Issuance::templateId)
        .containsExactlyInAnyOrder(GOLD, SILVER);
    assertThat(ledger.listByContact(new ContactId("nobody"))).isEmpty();
  }

  @Test
  void markingAPairNeverClaimedFails() {
    assertThatThrownBy(() -> ledger.markIssued(ANNA, GOLD, "badge-1", T0))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("tmpl-gold");
    assertThat(ledger.find(ANNA, GOLD)).isEmpty();
  }

  @Test
  void recordsTheBadgeStateAndMarksThePairIssued() {
    ledger.claim(ANNA, GOLD, RULE, T0);

    boolean recorded =
        ledger.recordBadgeState(
            ANNA, GOLD, "badge-9", BadgeState.ACCEPTED, T0.plusSeconds(5), T0.plusSeconds(6));

    assertThat(recorded).isTrue();
    assertThat(ledger.find(ANNA, GOLD))
        .contains(
            new Issuance(
                ANNA,
                GOLD,
                RULE,
                Issuance.State.ISSUED,
                "badge-9",
                T0,
                T0.plusSeconds(6),
                BadgeState.ACCEPTED));
  }

  @Test
  void ignoresABadgeReportOlderThanTheRecordedOne() {
    ledger.claim(ANNA, GOLD, RULE, T0);
    ledger.recordBadgeState(ANNA, GOLD, "badge-9", BadgeState.REVOKED, T0.plusSeconds(10), T0);

    boolean recorded =
        ledger.recordBadgeState(ANNA, GOLD, "badge-9", BadgeState.PENDING, T0.plusSeconds(1), T0);

    assertThat(recorded).isFalse();
    assertThat(ledger.find(ANNA, GOLD).orElseThrow().badgeState()).isEqualTo(BadgeState.REVOKED);
  }

  @Test
  void doesNotRecordABadgeForAPairNeverClaimed() {
    assertThat(ledger.recordBadgeState(ANNA, GOLD, "badge-1", BadgeState.PENDING, T0, T0))
        .isFalse();
    assertThat(ledger.find(ANNA, GOLD)).isEmpty();
  }
}

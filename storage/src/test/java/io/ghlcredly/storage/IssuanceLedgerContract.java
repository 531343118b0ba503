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
    ledger.recordBadgeState(ANNA, GOLD, "badge-9", BadgeState.ACCEPTED, T0.plusSeconds(5), T0);
    ledger.recordBadgeState(ANNA, GOLD, "badge-9", BadgeState.REVOKED, T0.plusSeconds(10), T0);

    boolean recorded =
        ledger.recordBadgeState(ANNA, GOLD, "badge-9", BadgeState.PENDING, T0.plusSeconds(1), T0);

    assertThat(recorded).isFalse();
    assertThat(ledger.find(ANNA, GOLD).orElseThrow().badgeState()).isEqualTo(BadgeState.REVOKED);
  }

  @Test
  void credlysReportOfOurRevocationKeepsThePairClaimableAgain() {
    ledger.claim(ANNA, GOLD, RULE, T0);
    ledger.markIssued(ANNA, GOLD, "badge-1", T0.plusSeconds(1));
    ledger.markRevoked(ANNA, GOLD, T0.plusSeconds(2));

    boolean recorded =
        ledger.recordBadgeState(
            ANNA, GOLD, "badge-1", BadgeState.REVOKED, T0.plusSeconds(3), T0.plusSeconds(4));

    assertThat(recorded).isTrue();
    Issuance row = ledger.find(ANNA, GOLD).orElseThrow();
    assertThat(row.state()).isEqualTo(Issuance.State.REVOKED);
    assertThat(row.badgeState()).isEqualTo(BadgeState.REVOKED);
    assertThat(ledger.claim(ANNA, GOLD, RULE, T0.plusSeconds(5)).newlyClaimed()).isTrue();
  }

  @Test
  void aReportAboutAnotherBadgeLeavesTheIssuedPairAlone() {
    ledger.claim(ANNA, GOLD, RULE, T0);
    ledger.markIssued(ANNA, GOLD, "badge-2", T0.plusSeconds(1));

    boolean recorded =
        ledger.recordBadgeState(
            ANNA, GOLD, "badge-1", BadgeState.REVOKED, T0.plusSeconds(3), T0.plusSeconds(4));

    assertThat(recorded).isFalse();
    assertThat(ledger.find(ANNA, GOLD).orElseThrow().badgeId()).isEqualTo("badge-2");
  }

  @Test
  void aRevocationReportDoesNotResolveAPendingClaimAsHeld() {
    ledger.claim(ANNA, GOLD, RULE, T0);

    ledger.recordBadgeState(
        ANNA, GOLD, "badge-old", BadgeState.REVOKED, T0.plusSeconds(3), T0.plusSeconds(4));

    assertThat(ledger.find(ANNA, GOLD).orElseThrow().state()).isEqualTo(Issuance.State.PENDING);
  }

  @Test
  void doesNotRecordABadgeForAPairNeverClaimed() {
    assertThat(ledger.recordBadgeState(ANNA, GOLD, "badge-1", BadgeState.PENDING, T0, T0))
        .isFalse();
    assertThat(ledger.find(ANNA, GOLD)).isEmpty();
  }

  @Test
  void revokedPairIsClaimedAgainAsANewPendingIssuanceOfTheNewRule() {
    ledger.claim(ANNA, GOLD, RULE, T0);
    ledger.markIssued(ANNA, GOLD, "badge-1", T0.plusSeconds(1));
    ledger.markRevoked(ANNA, GOLD, T0.plusSeconds(2));
    assertThat(ledger.find(ANNA, GOLD).orElseThrow())
        .isEqualTo(
            new Issuance(
                ANNA, GOLD, RULE, Issuance.State.REVOKED, "badge-1", T0, T0.plusSeconds(2)));
    assertThat(ledger.countIssued()).isZero();

    RuleId again = new RuleId("vip-again");
    Claim claim = ledger.claim(ANNA, GOLD, again, T0.plusSeconds(3));

    assertThat(claim.newlyClaimed()).isTrue();
    Issuance pending =
        new Issuance(
            ANNA, GOLD, again, Issuance.State.PENDING, null, T0.plusSeconds(3), T0.plusSeconds(3));
    assertThat(claim.issuance()).isEqualTo(pending);
    assertThat(ledger.find(ANNA, GOLD)).contains(pending);
    assertThat(ledger.claim(ANNA, GOLD, RULE, T0.plusSeconds(4)).newlyClaimed()).isFalse();
  }

  @Test
  void replacingMarksTheOldPairReplacedAndTheNewPairIssued() {
    RuleId upgrade = new RuleId("upgrade-to-gold");
    ledger.claim(ANNA, SILVER, RULE, T0);
    ledger.markIssued(ANNA, SILVER, "badge-silver", T0);

    ledger.markReplaced(ANNA, SILVER, GOLD, "badge-gold", upgrade, T0.plusSeconds(5));

    assertThat(ledger.find(ANNA, SILVER))
        .contains(
            new Issuance(
                ANNA,
                SILVER,
                RULE,
                Issuance.State.REPLACED,
                "badge-silver",
                T0,
                T0.plusSeconds(5)));
    assertThat(ledger.find(ANNA, GOLD))
        .contains(
            new Issuance(
                ANNA,
                GOLD,
                upgrade,
                Issuance.State.ISSUED,
                "badge-gold",
                T0.plusSeconds(5),
                T0.plusSeconds(5)));
    assertThat(ledger.countIssued()).isEqualTo(1);
    assertThat(ledger.claim(ANNA, GOLD, RULE, T0.plusSeconds(6)).newlyClaimed()).isFalse();
    assertThat(ledger.claim(ANNA, SILVER, RULE, T0.plusSeconds(6)).newlyClaimed()).isTrue();
  }

  @Test
  void replacingOverwritesAnEarlierRowOfTheNewPair() {
    RuleId upgrade = new RuleId("upgrade-to-gold");
    ledger.claim(ANNA, GOLD, RULE, T0);
    ledger.recordBadgeState(ANNA, GOLD, "badge-old-gold", BadgeState.REVOKED, T0, T0);
    ledger.markRevoked(ANNA, GOLD, T0.plusSeconds(1));
    ledger.claim(ANNA, SILVER, RULE, T0);
    ledger.markIssued(ANNA, SILVER, "badge-silver", T0);

    ledger.markReplaced(ANNA, SILVER, GOLD, "badge-gold", upgrade, T0.plusSeconds(5));

    Issuance gold = ledger.find(ANNA, GOLD).orElseThrow();
    assertThat(gold.state()).isEqualTo(Issuance.State.ISSUED);
    assertThat(gold.badgeId()).isEqualTo("badge-gold");
    assertThat(gold.ruleId()).isEqualTo(upgrade);
    assertThat(gold.badgeState()).isNull();
    assertThat(gold.updatedAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(ledger.listByContact(ANNA)).hasSize(2);
  }

  @Test
  void replacingAPairNeverClaimedFailsAndIssuesNothing() {
    assertThatThrownBy(() -> ledger.markReplaced(ANNA, SILVER, GOLD, "badge-gold", RULE, T0))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("tmpl-silver");
    assertThatThrownBy(() -> ledger.markRevoked(ANNA, GOLD, T0))
        .isInstanceOf(NotFoundException.class);
    assertThat(ledger.listByContact(ANNA)).isEmpty();
  }

  @Test
  void aLateReportAboutTheRevokedBadgeDoesNotTouchTheNewClaim() {
    ledger.claim(ANNA, GOLD, RULE, T0);
    ledger.recordBadgeState(
        ANNA, GOLD, "badge-1", BadgeState.ACCEPTED, T0.plusSeconds(10), T0.plusSeconds(10));
    ledger.markRevoked(ANNA, GOLD, T0.plusSeconds(20));
    Claim claim = ledger.claim(ANNA, GOLD, RULE, T0.plusSeconds(30));
    assertThat(claim.issuance().badgeState()).isNull();

    boolean recorded =
        ledger.recordBadgeState(
            ANNA, GOLD, "badge-1", BadgeState.PENDING, T0.plusSeconds(5), T0.plusSeconds(31));

    assertThat(recorded).isFalse();
    assertThat(ledger.find(ANNA, GOLD)).contains(claim.issuance());
  }

  @Test
  void failedPairStaysClaimedUntilReleased() {
    ContactId ben = new ContactId("contact-ben");
    ledger.claim(ANNA, GOLD, RULE, T0);
    ledger.markFailed(ANNA, GOLD, T0);
    ledger.claim(ANNA, SILVER, RULE, T0);
    ledger.markIssued(ANNA, SILVER, "badge-silver", T0);
    ledger.claim(ben, GOLD, RULE, T0);
    ledger.markFailed(ben, GOLD, T0);
    assertThat(ledger.claim(ANNA, GOLD, RULE, T0.plusSeconds(1)).newlyClaimed()).isFalse();

    int released = ledger.releaseFailed(ANNA, T0.plusSeconds(2));

    assertThat(released).isEqualTo(1);
    assertThat(ledger.find(ANNA, GOLD)).isEmpty();
    assertThat(ledger.find(ANNA, SILVER).orElseThrow().state()).isEqualTo(Issuance.State.ISSUED);
    assertThat(ledger.find(ben, GOLD).orElseThrow().state()).isEqualTo(Issuance.State.FAILED);
    Claim again = ledger.claim(ANNA, GOLD, RULE, T0.plusSeconds(3));
    assertThat(again.newlyClaimed()).isTrue();
    assertThat(again.issuance().state()).isEqualTo(Issuance.State.PENDING);
    assertThat(ledger.releaseFailed(ANNA, T0.plusSeconds(4))).isZero();
  }

  @Test
  void concurrentReclaimsAfterARevokeHaveExactlyOneWinner() throws Exception {
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      ledger.claim(ANNA, GOLD, RULE, T0);
      for (int round = 1; round <= 5; round++) {
        Instant at = T0.plusSeconds(round * 10L);
        ledger.markIssued(ANNA, GOLD, "badge-" + round, at);
        if (round % 2 == 0) {
          ledger.markRevoked(ANNA, GOLD, at);
        } else {
          ledger.markReplaced(ANNA, GOLD, SILVER, "badge-silver-" + round, RULE, at);
        }
        List<Claim> claims = claimAtOnce(pool, threads, at.plusSeconds(1));
        assertThat(claims).filteredOn(Claim::newlyClaimed).hasSize(1);
        assertThat(claims)
            .allSatisfy(
                claim -> assertThat(claim.issuance().state()).isEqualTo(Issuance.State.PENDING));
        Claim winner = claims.stream().filter(Claim::newlyClaimed).findFirst().orElseThrow();
        assertThat(ledger.find(ANNA, GOLD)).contains(winner.issuance());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Claims ANNA's gold pair from many threads released at the same moment. */
  private List<Claim> claimAtOnce(ExecutorService pool, int threads, Instant at) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Claim>> futures = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      RuleId rule = new RuleId("rule-" + i);
      futures.add(
          pool.submit(
              () -> {
                go.await(10, TimeUnit.SECONDS);
                return ledger.claim(ANNA, GOLD, rule, at);
              }));
    }
    go.countDown();
    List<Claim> claims = new ArrayList<>();
    for (Future<Claim> future : futures) {
      claims.add(future.get(30, TimeUnit.SECONDS));
    }
    return claims;
  }
}

package io.ghlcredly.credly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.BadgeState;
import io.ghlcredly.core.model.BadgeTemplateId;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.IssueBadgeCommand;
import io.ghlcredly.core.model.IssuedBadge;
import io.ghlcredly.core.model.RuleId;
import io.ghlcredly.core.port.BadgeGateway.BadgeDetails;
import io.ghlcredly.testkit.credly.Badge;
import io.ghlcredly.testkit.credly.CredlyEmulator;
import io.ghlcredly.testkit.credly.CredlyEvent;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Revoke, replace and describe of {@link CredlyBadgeGateway} against the Credly emulator. */
class CredlyBadgeGatewayChangesIT {
  private static final Instant ISSUED_AT = Instant.parse("2014-04-01T14:41:00Z");
  private static final Instant NOW = Instant.parse("2024-05-06T07:08:09Z");
  private static final ContactId ADA = new ContactId("ghl-contact-ada");

  private CredlyEmulator emulator;
  private CredlyBadgeGateway gateway;
  private BadgeTemplateId silver;
  private BadgeTemplateId gold;

  @BeforeEach
  void start() {
    emulator = CredlyEmulator.start();
    gateway =
        new CredlyBadgeGateway(
            CredlyClient.create(
                new CredlySettings(
                    emulator.baseUrl(),
                    emulator.organizationId(),
                    emulator.authToken(),
                    Duration.ofSeconds(5))),
            ZoneOffset.UTC,
            MutableClock.at(NOW));
    silver = new BadgeTemplateId(emulator.seedTemplate("Silver Member").id());
    gold = new BadgeTemplateId(emulator.seedTemplate("Gold Member").id());
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private IssuedBadge issueSilver() {
    return gateway
        .issue(
            new IssueBadgeCommand(
                new RuleId("membership"),
                silver,
                ADA,
                "ada@example.com",
                "Ada",
                "Lovelace",
                ISSUED_AT,
                null))
        .badge();
  }

  private long requestsTo(String method, String pathEnd) {
    return emulator.requests().stream()
        .filter(r -> r.method().equals(method) && r.path().endsWith(pathEnd))
        .count();
  }

  @Test
  void revokesTheBadgeWithTheReasonAndTellsTheWebhook() {
    IssuedBadge issued = issueSilver();

    IssuedBadge revoked = gateway.revoke(issued.badgeId(), "membership ended");

    assertThat(revoked.badgeId()).isEqualTo(issued.badgeId());
    assertThat(revoked.state()).isEqualTo("revoked");
    assertThat(revoked.contactId()).isEqualTo(ADA);
    assertThat(revoked.templateId()).isEqualTo(silver);
    Badge stored = emulator.badge(issued.badgeId()).orElseThrow();
    assertThat(stored.revocationReason()).isEqualTo("membership ended");
    assertThat(emulator.events())
        .extracting(CredlyEvent::type)
        .containsExactly(CredlyEvent.BADGE_CREATED, CredlyEvent.BADGE_STATE_CHANGED);
  }

  @Test
  void revokingABadgeAgainIsSuccess() {
    IssuedBadge issued = issueSilver();
    gateway.revoke(issued.badgeId(), "membership ended");

    IssuedBadge again = gateway.revoke(issued.badgeId(), "membership ended");

    assertThat(again.badgeId()).isEqualTo(issued.badgeId());
    assertThat(again.state()).isEqualTo("revoked");
    // Credly answered the second revoke with 422; the gateway read the badge to resolve it.
    assertThat(requestsTo("PUT", "/revoke")).isEqualTo(2);
    assertThat(emulator.badge(issued.badgeId()).orElseThrow().revocationReason())
        .isEqualTo("membership ended");
  }

  @Test
  void revokingAnUnknownBadgeIsPermanent() {
    assertThatThrownBy(() -> gateway.revoke("no-such-badge", "membership ended"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.kind()).isEqualTo(ApiException.Kind.PERMANENT);
            });
  }

  @Test
  void replaceReturnsTheNewBadgeOfTheNewTemplateAndTheOldOneShowsReplaced() {
    IssuedBadge old = issueSilver();

    IssuedBadge replacement = gateway.replace(old.badgeId(), gold, "upgraded to gold");

    assertThat(replacement.badgeId()).isNotEqualTo(old.badgeId());
    assertThat(replacement.templateId()).isEqualTo(gold);
    assertThat(replacement.contactId()).isEqualTo(ADA);
    Badge stored = emulator.badge(replacement.badgeId()).orElseThrow();
    assertThat(stored.templateId()).isEqualTo(gold.value());
    assertThat(stored.replacesBadgeId()).isEqualTo(old.badgeId());
    assertThat(stored.issuedAt()).isEqualTo(NOW);
    assertThat(emulator.badge(old.badgeId()).orElseThrow().replacementBadgeId())
        .isEqualTo(replacement.badgeId());
    assertThat(lastReplaceBody()).contains("\"notification_message\":\"upgraded to gold\"");
  }

  @Test
  void replacingAgainReturnsTheBadgeThatAlreadyReplacedIt() {
    IssuedBadge old = issueSilver();
    IssuedBadge first = gateway.replace(old.badgeId(), gold, null);

    IssuedBadge again = gateway.replace(old.badgeId(), gold, null);

    assertThat(again.badgeId()).isEqualTo(first.badgeId());
    assertThat(emulator.countBadges(gold.value(), ADA.value())).isEqualTo(1);
  }

  @Test
  void replacingARevokedBadgeIsRefused() {
    IssuedBadge old = issueSilver();
    gateway.revoke(old.badgeId(), "membership ended");

    assertThatThrownBy(() -> gateway.replace(old.badgeId(), gold, null))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(422));
    assertThat(emulator.countBadges(gold.value(), ADA.value())).isZero();
  }

  @Test
  void describeGivesTheTemplateNameThePublicUrlAndTheState() {
    IssuedBadge issued = issueSilver();
    emulator.acceptBadge(issued.badgeId());

    Optional<BadgeDetails> details = gateway.describe(issued.badgeId());

    assertThat(details)
        .hasValueSatisfying(
            badge -> {
              assertThat(badge.badgeId()).isEqualTo(issued.badgeId());
              assertThat(badge.templateId()).isEqualTo(silver);
              assertThat(badge.name()).isEqualTo("Silver Member");
              assertThat(badge.url()).endsWith("/badges/" + issued.badgeId());
              assertThat(badge.state()).isEqualTo(BadgeState.ACCEPTED);
            });
  }

  @Test
  void describeOfAnUnknownBadgeIsEmpty() {
    assertThat(gateway.describe("no-such-badge")).isEmpty();
  }

  private String lastReplaceBody() {
    return emulator.requests().stream()
        .filter(r -> r.path().endsWith("/replace"))
        .reduce((first, second) -> second)
        .map(EmulatorRequest::body)
        .orElseThrow();
  }
}

package io.ghlcredly.credly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.BadgeTemplateId;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.IssueBadgeCommand;
import io.ghlcredly.core.model.IssuedBadge;
import io.ghlcredly.core.model.RuleId;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.core.port.BadgeGateway.IssueResult;
import io.ghlcredly.testkit.credly.BadgeTemplate;
import io.ghlcredly.testkit.credly.CredlyEmulator;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import io.ghlcredly.testkit.server.Fault;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CredlyBadgeGatewayIT {
  private static final Instant ISSUED_AT = Instant.parse("2014-04-01T14:41:00Z");
  private static final ContactId ADA = new ContactId("ghl-contact-ada");
  private static final ContactId GRACE = new ContactId("ghl-contact-grace");

  private CredlyEmulator emulator;
  private CredlyBadgeGateway gateway;
  private BadgeTemplateId templateId;

  @BeforeEach
  void start() {
    emulator = CredlyEmulator.start();
    gateway = gateway(emulator.authToken(), Duration.ofSeconds(5));
    templateId = new BadgeTemplateId(emulator.seedTemplate("Course Graduate").id());
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private CredlyBadgeGateway gateway(Secret token, Duration timeout) {
    return new CredlyBadgeGateway(
        CredlyClient.create(
            new CredlySettings(emulator.baseUrl(), emulator.organizationId(), token, timeout)));
  }

  private static IssueBadgeCommand command(
      ContactId contact, BadgeTemplateId template, String email, @Nullable String evidence) {
    return new IssueBadgeCommand(
        new RuleId("course-101"), template, contact, email, "Ada", "Lovelace", ISSUED_AT, evidence);
  }

  private IssueBadgeCommand adaCommand() {
    return command(ADA, templateId, "ada@example.com", null);
  }

  private String lastPostBody() {
    return emulator.requests().stream()
        .filter(r -> r.method().equals("POST"))
        .reduce((first, second) -> second)
        .map(EmulatorRequest::body)
        .orElseThrow();
  }

  @Test
  void issuesBadgeAndEmulatorStoresIt() {
    IssueResult result = gateway.issue(adaCommand());

    assertThat(result).isInstanceOf(IssueResult.Issued.class);
    IssuedBadge badge = result.badge();
    assertThat(badge.contactId()).isEqualTo(ADA);
    assertThat(badge.templateId()).isEqualTo(templateId);
    assertThat(badge.state()).isEqualTo("pending");
    assertThat(emulator.badges())
        .singleElement()
        .satisfies(
            held -> {
              assertThat(held.id()).isEqualTo(badge.badgeId());
              assertThat(held.issuerEarnerId()).isEqualTo(ADA.value());
            });
  }

  @Test
  void secondIssueOfSameBadgeIsAlreadyIssuedWithSameId() {
    IssuedBadge first = gateway.issue(adaCommand()).badge();

    IssueResult second = gateway.issue(command(ADA, templateId, "ada.new@example.com", null));

    assertThat(second).isInstanceOf(IssueResult.AlreadyIssued.class);
    assertThat(second.badge().badgeId()).isEqualTo(first.badgeId());
    assertThat(emulator.countBadges(templateId.value(), ADA.value())).isEqualTo(1);
    assertThat(emulator.badges()).hasSize(1);
  }

  @Test
  void invalidTemplateIsPermanentWithCredlysMessage() {
    BadgeTemplateId unknown = new BadgeTemplateId("no-such-template");

    assertThatThrownBy(() -> gateway.issue(command(ADA, unknown, "ada@example.com", null)))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ApiException.Kind.PERMANENT);
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.providerMessage())
                  .contains("Invalid or missing Badge Template ID: no-such-template");
            });
    assertThat(emulator.badges()).isEmpty();
  }

  @Test
  void archivedTemplateIsPermanent() {
    emulator.archiveTemplate(templateId.value());

    assertThatThrownBy(() -> gateway.issue(adaCommand()))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.PERMANENT));
  }

  @Test
  void sameEmailHeldByAnotherContactIsPermanent() {
    gateway.issue(adaCommand());

    // Credly's rule also matches on e-mail; the badge is not this contact's, so it is not success.
    assertThatThrownBy(() -> gateway.issue(command(GRACE, templateId, "ada@example.com", null)))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ApiException.Kind.PERMANENT);
              assertThat(e.providerMessage()).isPresent();
            });
    assertThat(emulator.badges()).hasSize(1);
  }

  @Test
  void serverErrorIsTransient() {
    emulator.inject(Fault.status("POST", "/organizations/", 1, EmulatorResponse.json(500, "{}")));

    assertThatThrownBy(() -> gateway.issue(adaCommand()))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ApiException.Kind.TRANSIENT);
              assertThat(e.status()).isEqualTo(500);
            });
    assertThat(emulator.badges()).isEmpty();
  }

  @Test
  void rateLimitIsTransientWithRetryAfter() {
    emulator.inject(
        Fault.status(
            "POST",
            "/organizations/",
            1,
            EmulatorResponse.json(429, "{\"data\":{\"message\":\"Too Many Requests\"}}")
                .withHeader("Retry-After", "30")));

    assertThatThrownBy(() -> gateway.issue(adaCommand()))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ApiException.Kind.TRANSIENT);
              assertThat(e.status()).isEqualTo(429);
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
            });
  }

  @Test
  void timeoutIsTransientAndTheBadgeCreatedMeanwhileIsFound() {
    CredlyBadgeGateway impatient = gateway(emulator.authToken(), Duration.ofMillis(300));
    emulator.inject(Fault.slow("POST", "/organizations/", 1, Duration.ofMillis(1500)));

    assertThatThrownBy(() -> impatient.issue(adaCommand()))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ApiException.Kind.TRANSIENT);
              assertThat(e.status()).isZero();
              assertThat(e.outcomeUnknown()).isTrue();
            });
    await().atMost(Duration.ofSeconds(10)).until(() -> emulator.badges().size() == 1);

    Optional<IssuedBadge> found = gateway.findIssued(ADA, templateId);
    IssueResult retried = gateway.issue(adaCommand());

    assertThat(found).map(IssuedBadge::badgeId).contains(emulator.badges().get(0).id());
    assertThat(retried).isInstanceOf(IssueResult.AlreadyIssued.class);
    assertThat(emulator.badges()).hasSize(1);
  }

  @Test
  void wrongTokenIsUnauthorized() {
    CredlyBadgeGateway wrong = gateway(Secret.of("wrong-token"), Duration.ofSeconds(5));

    assertThatThrownBy(() -> wrong.issue(adaCommand()))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ApiException.Kind.UNAUTHORIZED);
              assertThat(e.status()).isEqualTo(401);
            });
  }

  @Test
  void revokedBadgeIsNotHeldAndCanBeIssuedAgain() {
    IssuedBadge first = gateway.issue(adaCommand()).badge();
    emulator.revokeBadge(first.badgeId(), "issued in error");

    Optional<IssuedBadge> found = gateway.findIssued(ADA, templateId);
    IssueResult again = gateway.issue(adaCommand());

    assertThat(found).isEmpty();
    assertThat(again).isInstanceOf(IssueResult.Issued.class);
    assertThat(again.badge().badgeId()).isNotEqualTo(first.badgeId());
    assertThat(gateway.findIssued(ADA, templateId))
        .map(IssuedBadge::badgeId)
        .contains(again.badge().badgeId());
  }

  @Test
  void findIssuedMatchesContactAndTemplateOnly() {
    BadgeTemplate other = emulator.seedTemplate("Other");
    gateway.issue(command(GRACE, templateId, "grace@example.com", null));
    gateway.issue(command(ADA, new BadgeTemplateId(other.id()), "ada@example.com", null));

    assertThat(gateway.findIssued(ADA, templateId)).isEmpty();
    assertThat(gateway.findIssued(GRACE, templateId)).isPresent();
  }

  @Test
  void sendsIssuedAtInCredlysFormat() {
    gateway.issue(adaCommand());
    String utcBody = lastPostBody();
    CredlyBadgeGateway chicago =
        new CredlyBadgeGateway(
            CredlyClient.create(
                new CredlySettings(
                    emulator.baseUrl(),
                    emulator.organizationId(),
                    emulator.authToken(),
                    Duration.ofSeconds(5))),
            ZoneId.of("America/Chicago"));
    chicago.issue(command(GRACE, templateId, "grace@example.com", null));

    assertThat(utcBody).contains("\"issued_at\":\"2014-04-01 14:41:00 +0000\"");
    assertThat(lastPostBody()).contains("\"issued_at\":\"2014-04-01 09:41:00 -0500\"");
    assertThat(emulator.badges()).allSatisfy(b -> assertThat(b.issuedAt()).isEqualTo(ISSUED_AT));
  }

  @Test
  void sendsRuleEvidenceAsUrlEvidence() {
    gateway.issue(command(ADA, templateId, "ada@example.com", "https://example.com/cert/42"));

    assertThat(lastPostBody())
        .contains(
            "\"evidence\":[{\"type\":\"UrlEvidence\",\"name\":\"Evidence\","
                + "\"value\":\"https://example.com/cert/42\"}]");
    assertThat(emulator.badges().get(0).evidenceJson()).contains("https://example.com/cert/42");
  }
}

package io.ghlcredly.credly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.credly.api.IssueBadgeRequest;
import io.ghlcredly.credly.api.IssuedBadgeDto;
import io.ghlcredly.testkit.credly.Badge;
import io.ghlcredly.testkit.credly.BadgeTemplate;
import io.ghlcredly.testkit.credly.CredlyEmulator;
import io.ghlcredly.testkit.credly.CredlyOrganization;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against the second organization of an emulator that hosts two (agency workspaces). */
class CredlyClientOrganizationsIT {
  private static final OffsetDateTime ISSUED_AT = OffsetDateTime.parse("2014-04-01T09:41:00-05:00");

  private CredlyEmulator emulator;
  private CredlyOrganization academyA;
  private CredlyOrganization academyB;

  @BeforeEach
  void start() {
    emulator = CredlyEmulator.start();
    academyA = emulator.firstOrganization();
    academyB = emulator.addOrganization("Academy B");
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private CredlyClient clientFor(String organizationId, Secret token) {
    return CredlyClient.create(
        new CredlySettings(emulator.baseUrl(), organizationId, token, Duration.ofSeconds(5)));
  }

  private static IssueBadgeRequest request(BadgeTemplate template, String earnerId) {
    return IssueBadgeRequest.of(
        earnerId + "@example.com", "Ada", "Lovelace", template.id(), ISSUED_AT, earnerId);
  }

  @Test
  void issuesABadgeInTheSecondOrganizationOnly() {
    BadgeTemplate templateA = academyA.seedTemplate("Course Graduate");
    BadgeTemplate templateB = academyB.seedTemplate("Course Graduate");
    CredlyClient clientA = clientFor(academyA.organizationId(), academyA.authToken());
    CredlyClient clientB = clientFor(academyB.organizationId(), academyB.authToken());

    IssuedBadgeDto issued = clientB.issueBadge(request(templateB, "contact-1"));

    assertThat(academyB.badges()).singleElement().extracting(Badge::id).isEqualTo(issued.id());
    assertThat(academyA.badges()).isEmpty();
    assertThat(clientB.findBadges("contact-1", templateB.id()))
        .singleElement()
        .extracting(IssuedBadgeDto::id)
        .isEqualTo(issued.id());
    assertThat(clientA.listBadges(Map.of())).isEmpty();
    assertThat(clientA.findBadges("contact-1", templateA.id())).isEmpty();
    assertThat(clientB.organization().name()).isEqualTo("Academy B");
    assertThat(academyB.requests()).isNotEmpty();
    assertThat(academyB.requests())
        .allSatisfy(r -> assertThat(r.path()).contains(academyB.organizationId()));
  }

  @Test
  void aTokenOfTheFirstOrganizationCannotIssueInTheSecond() {
    BadgeTemplate templateB = academyB.seedTemplate("Course Graduate");
    CredlyClient misconfigured = clientFor(academyB.organizationId(), academyA.authToken());

    assertThatThrownBy(() -> misconfigured.issueBadge(request(templateB, "contact-1")))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.kind()).isEqualTo(ApiException.Kind.PERMANENT);
            });
    assertThat(academyB.badges()).isEmpty();
  }
}

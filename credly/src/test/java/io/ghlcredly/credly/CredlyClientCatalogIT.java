package io.ghlcredly.credly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.credly.api.BadgeTemplateDto;
import io.ghlcredly.credly.api.EventDto;
import io.ghlcredly.credly.api.HighVolumeBadgeDto;
import io.ghlcredly.credly.api.IssueBadgeRequest;
import io.ghlcredly.credly.api.IssuedBadgeDto;
import io.ghlcredly.credly.api.OrganizationDto;
import io.ghlcredly.credly.api.ReplaceBadgeRequest;
import io.ghlcredly.credly.api.RevokeBadgeRequest;
import io.ghlcredly.http.JsonCodec;
import io.ghlcredly.testkit.credly.BadgeTemplate;
import io.ghlcredly.testkit.credly.CredlyEmulator;
import io.ghlcredly.testkit.credly.CredlyEvent;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every organization, template, badge and event call of the client, against the emulator. */
class CredlyClientCatalogIT {
  private static final OffsetDateTime ISSUED_AT = OffsetDateTime.parse("2026-03-01T09:00:00Z");

  private CredlyEmulator emulator;
  private CredlyClient client;
  private BadgeTemplate template;

  @BeforeEach
  void start() {
    emulator = CredlyEmulator.start();
    client =
        CredlyClient.create(
            new CredlySettings(
                emulator.baseUrl(),
                emulator.organizationId(),
                emulator.authToken(),
                Duration.ofSeconds(5)));
    template = emulator.seedTemplate("Course Graduate");
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private IssuedBadgeDto issue(String templateId, String contactId, String email) {
    return client.issueBadge(
        IssueBadgeRequest.of(email, "Ada", "Lovelace", templateId, ISSUED_AT, contactId));
  }

  @Test
  void readsTheOrganization() {
    OrganizationDto organization = client.organization();

    assertThat(organization.id()).isEqualTo(emulator.organizationId());
    assertThat(organization.workforceEnabled()).isFalse();
    assertThat(client.organizations()).extracting(OrganizationDto::id).contains(organization.id());
  }

  @Test
  void listsTemplatesWithFilterSortAndPaging() {
    emulator.seedTemplate("Alpha");
    emulator.seedTemplate("Beta");
    emulator.archiveTemplate(emulator.seedTemplate("Archived One").id());

    Page<BadgeTemplateDto> first =
        client.listBadgeTemplates(new ListQuery(Map.of("state", "active"), "name", 1, 2));
    List<BadgeTemplateDto> all =
        client.listAllBadgeTemplates(new ListQuery(Map.of("state", "active"), "-name", 1, 2));

    assertThat(first.items()).extracting(BadgeTemplateDto::name).containsExactly("Alpha", "Beta");
    assertThat(first.hasNext()).isTrue();
    assertThat(Objects.requireNonNull(first.metadata()).totalCount()).isEqualTo(3);
    assertThat(all)
        .extracting(BadgeTemplateDto::name)
        .containsExactly("Course Graduate", "Beta", "Alpha");
    assertThat(client.badgeTemplate(template.id()).state()).isEqualTo("active");
  }

  @Test
  void issuesWithEveryDocumentedField() {
    IssuedBadgeDto badge =
        client.issueBadge(
            IssueBadgeRequest.builder(
                    "ada@example.com", "Ada", "Lovelace", template.id(), ISSUED_AT)
                .middleName("King")
                .issuerEarnerId("contact-1")
                .locale("fr")
                .suppressNotification(true)
                .expiresAt(ISSUED_AT.plusYears(2))
                .country("United Kingdom", "London")
                .build());

    assertThat(badge.locale()).isEqualTo("fr");
    assertThat(badge.suppressBadgeNotificationEmail()).isTrue();
    assertThat(badge.expiresAt()).isEqualTo("2028-03-01T09:00:00.000Z");
    String body = emulator.requests().getLast().body();
    assertThat(new JsonCodec().tree(body).path("issued_to_middle_name").asText()).isEqualTo("King");
    assertThat(new JsonCodec().tree(body).path("country_name").asText())
        .isEqualTo("United Kingdom");
  }

  @Test
  void neverExpiringBadgeSendsExpiresAtFalse() {
    client.issueBadge(
        IssueBadgeRequest.builder("ada@example.com", "Ada", "Lovelace", template.id(), ISSUED_AT)
            .neverExpires()
            .build());

    assertThat(emulator.requests().getLast().body()).contains("\"expires_at\":false");
  }

  @Test
  void listsBadgesByStateAndEmailWithPaging() {
    for (int i = 0; i < 3; i++) {
      issue(emulator.seedTemplate("T" + i).id(), "contact-" + i, "p" + i + "@example.com");
    }
    IssuedBadgeDto accepted = issue(template.id(), "contact-9", "nine@example.com");
    emulator.acceptBadge(accepted.id());

    Page<IssuedBadgeDto> page =
        client.listBadgesPage(new ListQuery(Map.of("state", "pending"), "-created_at", 1, 2));
    List<IssuedBadgeDto> byEmail = client.listBadges(Map.of("recipient_email", "nine@example.com"));

    assertThat(page.items()).hasSize(2);
    assertThat(page.hasNext()).isTrue();
    assertThat(byEmail).extracting(IssuedBadgeDto::id).containsExactly(accepted.id());
    assertThat(client.listAllBadges(new ListQuery(Map.of(), null, 1, 1))).hasSize(4);
  }

  @Test
  void searchesInBulkFollowingTheCursor() {
    for (int i = 0; i < 5; i++) {
      issue(template.id(), "contact-" + i, "p" + i + "@example.com");
    }

    List<HighVolumeBadgeDto> found =
        client.searchBadges(
            new HighVolumeSearch(Map.of("badge_template_id", template.id()), null, null));

    assertThat(found).hasSize(5);
    assertThat(Objects.requireNonNull(found.getFirst().badgeTemplate()).name())
        .isEqualTo("Course Graduate");
  }

  @Test
  void readsRevokesReplacesAndDeletesABadge() {
    IssuedBadgeDto badge = issue(template.id(), "contact-1", "ada@example.com");
    BadgeTemplate corrected = emulator.seedTemplate("Course Graduate (2026)");

    assertThat(client.badge(badge.id()).state()).isEqualTo("pending");
    IssuedBadgeDto replacement =
        client.replaceBadge(
            badge.id(),
            ReplaceBadgeRequest.of(
                corrected.id(), IssueBadgeRequest.TIMESTAMP_FORMAT.format(ISSUED_AT)));
    IssuedBadgeDto revoked =
        client.revokeBadge(replacement.id(), new RevokeBadgeRequest("issued in error", true));
    client.deleteBadge(badge.id());

    assertThat(replacement.replacesBadgeId()).isEqualTo(badge.id());
    assertThat(replacement.badgeTemplateId()).isEqualTo(corrected.id());
    assertThat(revoked.state()).isEqualTo("revoked");
    assertThat(revoked.revocationReason()).isEqualTo("issued in error");
    assertThat(emulator.badge(badge.id())).isEmpty();
    assertThatThrownBy(() -> client.badge(badge.id()))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.kind()).isEqualTo(ApiException.Kind.PERMANENT);
              assertThat(e.providerMessage()).contains("Badge not found");
            });
  }

  @Test
  void readsAnEventWithItsBadge() {
    IssuedBadgeDto badge = issue(template.id(), "contact-1", "ada@example.com");
    emulator.acceptBadge(badge.id());
    CredlyEvent changed = emulator.events().getLast();

    EventDto event = client.event(changed.id());

    assertThat(event.eventType()).isEqualTo("badge.state.changed");
    assertThat(event.organizationId()).isEqualTo(emulator.organizationId());
    assertThat(Objects.requireNonNull(event.badge()).state()).isEqualTo("accepted");
    assertThat(Objects.requireNonNull(event.badge()).issuerEarnerId()).isEqualTo("contact-1");
    assertThat(client.listEvents(1).items()).hasSize(2);
  }

  @Test
  void catalogCallsAnOperationByName() {
    IssuedBadgeDto badge = issue(template.id(), "contact-1", "ada@example.com");
    io.ghlcredly.http.catalog.Catalog catalog =
        new io.ghlcredly.http.catalog.Catalog(
            CredlyOperations.operations(client), CredlyOperations.triggers());

    String json =
        catalog
            .find("credly.get-badge")
            .orElseThrow()
            .invoke(
                new io.ghlcredly.http.catalog.OperationCall(Map.of("badge_id", badge.id()), null));
    String page =
        catalog
            .find("credly.list-badges")
            .orElseThrow()
            .invoke(
                new io.ghlcredly.http.catalog.OperationCall(
                    Map.of("filter", "issuer_earner_id::contact-1"), null));

    assertThat(new JsonCodec().tree(json).path("data").path("id").asText()).isEqualTo(badge.id());
    assertThat(new JsonCodec().tree(page).path("data").size()).isEqualTo(1);
    assertThatThrownBy(
            () ->
                catalog
                    .find("credly.revoke-badge")
                    .orElseThrow()
                    .invoke(
                        new io.ghlcredly.http.catalog.OperationCall(
                            Map.of("badge_id", badge.id()), null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JSON body");
  }

  @Test
  void rateLimitLowersTheConcurrencyLimit() {
    emulator.inject(
        io.ghlcredly.testkit.server.Fault.status(
            "GET",
            "/organizations/",
            1,
            io.ghlcredly.testkit.server.EmulatorResponse.json(429, "{}")
                .withHeader("Retry-After", "1")));

    assertThatThrownBy(client::organization)
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.TRANSIENT));
    assertThat(client.concurrency().limit()).isEqualTo(CredlySettings.DEFAULT_MAX_CONCURRENCY / 2);
  }
}

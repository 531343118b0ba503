package io.ghlcredly.credly;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.credly.api.BadgeTemplatePage;
import io.ghlcredly.credly.api.EventDto;
import io.ghlcredly.credly.api.EventResponse;
import io.ghlcredly.credly.api.HighVolumeBadgePage;
import io.ghlcredly.credly.api.IssuedBadgeResponse;
import io.ghlcredly.credly.api.OrganizationResponse;
import io.ghlcredly.credly.webhook.CredlyEventTranslator;
import io.ghlcredly.http.JsonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The wire DTOs read Credly's recorded responses (fixtures/credly, from zero-gravitas). */
class RecordedPayloadsTest {
  private final JsonCodec codec = new JsonCodec();

  private static String fixture(String name) {
    try (InputStream in =
        Objects.requireNonNull(
            RecordedPayloadsTest.class.getResourceAsStream("/fixtures/credly/" + name), name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void readsAnEventWithItsFullBadge() {
    EventDto event = codec.read(fixture("event-badge-created.json"), EventResponse.class).data();

    assertThat(event.eventType()).isEqualTo("badge.created");
    assertThat(event.occurredAt()).isEqualTo("2014-04-01T14:41:00.000Z");
    assertThat(Objects.requireNonNull(event.badge()).badgeTemplateId()).isNotBlank();
  }

  @Test
  void skipsTheRecordedEventBecauseItsBadgeHasNoEarnerId() {
    EventDto event = codec.read(fixture("event-badge-created.json"), EventResponse.class).data();

    assertThat(new CredlyEventTranslator().translate(event, Instant.EPOCH))
        .isInstanceOfSatisfying(
            CredlyEventTranslator.Translation.Skipped.class,
            skipped -> assertThat(skipped.reason()).contains("issuer_earner_id"));
  }

  @Test
  void readsTheBulkSearchWithItsCursorOnlyMetadata() {
    HighVolumeBadgePage page =
        codec.read(fixture("badges-index-bulk.json"), HighVolumeBadgePage.class);

    assertThat(page.data()).isNotEmpty();
    assertThat(page.data().getFirst().state()).isEqualTo("accepted");
    assertThat(page.nextPageUrl()).isNull();
  }

  @Test
  void readsTemplatesOrganizationAndAReplacement() {
    BadgeTemplatePage templates =
        codec.read(fixture("badge-templates-index.json"), BadgeTemplatePage.class);
    OrganizationResponse organization =
        codec.read(fixture("organization.json"), OrganizationResponse.class);
    IssuedBadgeResponse replacement =
        codec.read(fixture("badge-replace.json"), IssuedBadgeResponse.class);

    assertThat(templates.data()).allSatisfy(t -> assertThat(t.id()).isNotBlank());
    assertThat(Objects.requireNonNull(templates.metadata()).per()).isEqualTo(50);
    assertThat(organization.data().id()).isNotBlank();
    assertThat(replacement.data().replacesBadgeId())
        .isEqualTo("b70e0c2d-ae2b-4a0b-ac6b-02634bfe1621");
  }
}

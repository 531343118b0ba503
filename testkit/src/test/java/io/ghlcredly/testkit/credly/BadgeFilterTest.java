package io.ghlcredly.testkit.credly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BadgeFilterTest {
  private static final Instant AT = Instant.parse("2024-01-01T00:00:00Z");

  private static Badge badge(String templateId, String earnerId, String state) {
    return new Badge(
        "b1",
        templateId,
        "Ada@Example.com",
        "Ada",
        "Lovelace",
        earnerId,
        AT,
        null,
        state,
        null,
        "en",
        false,
        "[]",
        AT,
        AT,
        null,
        null,
        null);
  }

  @Test
  void matchesWhenEveryTermMatches() {
    BadgeFilter filter = BadgeFilter.parse("issuer_earner_id::c1|badge_template_id::t1");

    assertThat(filter.matches(badge("t1", "c1", "pending"))).isTrue();
    assertThat(filter.matches(badge("t2", "c1", "pending"))).isFalse();
    assertThat(filter.matches(badge("t1", "c2", "pending"))).isFalse();
  }

  @Test
  void stateTakesAnyOfACommaList() {
    BadgeFilter filter = BadgeFilter.parse("state::pending,accepted");

    assertThat(filter.matches(badge("t1", "c1", "accepted"))).isTrue();
    assertThat(filter.matches(badge("t1", "c1", "revoked"))).isFalse();
  }

  @Test
  void emailMatchesIgnoringCase() {
    assertThat(
            BadgeFilter.parse("recipient_email::ada@example.COM")
                .matches(badge("t", "c", "pending")))
        .isTrue();
  }

  @Test
  void emptyFilterMatchesEverything() {
    assertThat(BadgeFilter.parse("").matches(badge("t1", "c1", "revoked"))).isTrue();
  }

  @Test
  void refusesMalformedTermsAndUnknownKeys() {
    assertThatThrownBy(() -> BadgeFilter.parse("issuer_earner_id=c1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("issuer_earner_id=c1");
    assertThatThrownBy(() -> BadgeFilter.parse("colour::blue")).hasMessageContaining("colour");
  }
}

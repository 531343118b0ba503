package io.ghlcredly.credly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ghlcredly.core.model.Secret;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BadgeFiltersTest {
  @Test
  void joinsTermsWithPipes() {
    Map<String, String> terms = new LinkedHashMap<>();
    terms.put("issuer_earner_id", "c1");
    terms.put("badge_template_id", "t1");

    assertThat(BadgeFilters.format(terms)).isEqualTo("issuer_earner_id::c1|badge_template_id::t1");
  }

  @Test
  void refusesValuesThatWouldChangeTheFilter() {
    assertThatThrownBy(() -> BadgeFilters.format(Map.of("issuer_earner_id", "c1|state::x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("issuer_earner_id")
        .hasMessageNotContaining("c1");
  }

  @Test
  void basicAuthorizationUsesTokenAsUserWithEmptyPassword() {
    // base64("tok123:")
    assertThat(CredlyClient.basicAuthorization(Secret.of("tok123")))
        .isEqualTo("Basic dG9rMTIzOg==");
  }
}

package io.ghlcredly.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndpointTemplateTest {
  @Test
  void keepsWordsAndReplacesIdsAndDropsTheQuery() {
    assertThat(EndpointTemplate.of("/contacts/ve9EPM428h8vShlRW1KT?locationId=abc"))
        .isEqualTo("/contacts/{id}");
    assertThat(
            EndpointTemplate.of(
                "/organizations/6b5c0d8e-7a0e-4d59-9f57-1c1b1f6b3a21/badge_templates/abc-123"))
        .isEqualTo("/organizations/{id}/badge_templates/{id}");
    assertThat(EndpointTemplate.of("/contacts/search")).isEqualTo("/contacts/search");
    assertThat(EndpointTemplate.of("/oauth/token")).isEqualTo("/oauth/token");
    assertThat(EndpointTemplate.of("/")).isEqualTo("/");
  }
}

package io.ghlcredly.app.config;

import static io.ghlcredly.app.config.ConfigFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.mapping.Condition;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The product's example file (a copy of ../shared/examples/ghl-credly.yaml) loads without a
 * problem: every feature it shows is built.
 */
class ProductExampleTest {
  private static final Map<String, String> ENV =
      Map.of(
          "GCS_ADMIN_TOKEN", "kQ7vX2mPq8LrT4wYb7NcF1hJd6GaE0uZs3o5iRlW",
          "GHL_CLIENT_ID", "client-1",
          "GHL_CLIENT_SECRET", "client-secret-1",
          "CREDLY_ORG_TOKEN", "credly-token-1");

  @Test
  void exampleFileHasNoProblem() {
    assertThat(ConfigLoader.check(resource("product-example.yaml"), ENV)).isEmpty();
  }

  @Test
  void exampleFileBindsItsRulesAndMapping() {
    AppConfig config = ConfigLoader.load(resource("product-example.yaml"), ENV);

    assertThat(config.rules().rules())
        .extracting(rule -> rule.id().value())
        .containsExactly("course-101", "exam-passed", "refunded", "badge-issued", "badge-accepted");
    assertThat(config.rules().rules().get(2).when())
        .isEqualTo(new Condition.FieldChanged("status", null, "refunded"));
    assertThat(config.rules().mapping().record())
        .containsOnlyKeys("external_id", "email", "first_name", "last_name");
    assertThat(config.rules().mapping().status()).isNotNull();
  }
}

package io.ghlcredly.app.config;

import static io.ghlcredly.app.config.ConfigFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.error.ConfigException.ConfigProblem;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The product's example file (a copy of docs' target) must load except for what is not built yet,
 * and each such feature must be named: nothing in it may be silently ignored.
 */
class ProductExampleTest {
  @Test
  void exampleFileNamesEveryFeatureNotBuiltYet() {
    Map<String, String> env =
        Map.of(
            "GCS_ADMIN_TOKEN", "admin-token-0123456789abcdef",
            "GHL_CLIENT_ID", "client-1",
            "GHL_CLIENT_SECRET", "client-secret-1",
            "CREDLY_ORG_TOKEN", "credly-token-1");

    assertThat(ConfigLoader.check(resource("product-example.yaml"), env))
        .containsExactlyInAnyOrder(
            new ConfigProblem(
                "mapping",
                "not supported yet: mapping (contacts map to Credly recipients by built-in rules)"),
            new ConfigProblem(
                "rules[1].when.task-completed",
                "not supported yet: task-completed (supported: tag-added)"),
            new ConfigProblem(
                "rules[2].when.status-changed",
                "not supported yet: status-changed (supported: tag-added)"),
            new ConfigProblem(
                "rules[2].do[0].revoke-badges",
                "not supported yet: revoke-badges (supported: issue-badge)"),
            new ConfigProblem(
                "rules[3].when.credly-badge",
                "not supported yet: credly-badge (supported: tag-added)"),
            new ConfigProblem(
                "rules[3].do[0].ghl-create-task",
                "not supported yet: ghl-create-task (supported: issue-badge)"),
            new ConfigProblem(
                "rules[4].when.credly-badge",
                "not supported yet: credly-badge (supported: tag-added)"),
            new ConfigProblem(
                "rules[4].do[0].ghl-add-tag",
                "not supported yet: ghl-add-tag (supported: issue-badge)"),
            new ConfigProblem(
                "rules[4].do[1].ghl-add-note",
                "not supported yet: ghl-add-note (supported: issue-badge)"),
            new ConfigProblem(
                "rules[4].do[2].ghl-complete-task",
                "not supported yet: ghl-complete-task (supported: issue-badge)"));
  }
}

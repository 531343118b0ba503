package io.ghlcredly.credly;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.http.catalog.OperationSpec;
import io.ghlcredly.http.catalog.TriggerSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredlyOperationsTest {
  @Test
  void coversEveryIssueFourOperationWithUniqueNames() {
    List<String> names = CredlyOperations.specs().stream().map(OperationSpec::name).toList();

    assertThat(names).doesNotHaveDuplicates();
    assertThat(names)
        .contains(
            "credly.get-organization",
            "credly.list-badge-templates",
            "credly.get-badge-template",
            "credly.issue-badge",
            "credly.list-badges",
            "credly.search-badges",
            "credly.get-badge",
            "credly.revoke-badge",
            "credly.replace-badge",
            "credly.delete-badge",
            "credly.get-event",
            "credly.list-employees",
            "credly.create-employee",
            "credly.get-employee",
            "credly.update-employee",
            "credly.delete-employee");
  }

  @Test
  void everyPathIsBelowTheOrganizationAndNamesItsScope() {
    for (OperationSpec spec : CredlyOperations.specs()) {
      assertThat(spec.pathTemplate()).startsWith("/organizations/{organization_id}");
      if (!spec.name().equals("credly.get-organization")) {
        assertThat(spec.requiredScope()).as(spec.name()).isPresent();
      }
    }
  }

  @Test
  void badgeEventsAreWebhookTriggers() {
    assertThat(CredlyOperations.triggers())
        .extracting(TriggerSpec::providerEvent)
        .contains("badge.created", "badge.state.changed", "badge.deleted");
    assertThat(CredlyOperations.triggers())
        .allSatisfy(
            trigger -> assertThat(trigger.delivery()).isEqualTo(TriggerSpec.Delivery.WEBHOOK));
  }
}

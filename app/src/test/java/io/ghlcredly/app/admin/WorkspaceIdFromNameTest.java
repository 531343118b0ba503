package io.ghlcredly.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.model.WorkspaceId;
import org.junit.jupiter.api.Test;

class WorkspaceIdFromNameTest {
  @Test
  void makesAValidIdFromANameWithAccentsSpacesAndPunctuation() {
    assertThat(WorkspaceChanges.idFrom("North Academy")).isEqualTo("north-academy");
    assertThat(WorkspaceChanges.idFrom("  École d'Été — Lyon! ")).isEqualTo("ecole-d-ete-lyon");
    assertThat(WorkspaceChanges.idFrom("!!!")).isEmpty();
    String longest = WorkspaceChanges.idFrom("a".repeat(39) + " b c");
    assertThat(longest).hasSizeLessThanOrEqualTo(40);
    assertThat(WorkspaceId.isValid(longest)).isTrue();
  }
}

package io.ghlcredly.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DialectTest {
  @Test
  void knowsH2AndPostgresqlByTheirUrls() {
    assertThat(Dialect.fromJdbcUrl("jdbc:h2:file:./data/sync")).isEqualTo(Dialect.H2);
    assertThat(Dialect.fromJdbcUrl("JDBC:postgresql://db:5432/sync")).isEqualTo(Dialect.POSTGRESQL);
  }

  @Test
  void namesTheSchemeButNotTheRestOfAnUnsupportedUrl() {
    assertThatThrownBy(() -> Dialect.fromJdbcUrl("jdbc:mysql://db/sync?password=hunter2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'jdbc:mysql'")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void settingsHideTheUrlParametersAndPassword() {
    DatabaseSettings settings =
        new DatabaseSettings(
            "jdbc:postgresql://db/sync?password=hunter2",
            "sync",
            io.ghlcredly.core.model.Secret.of("hunter3"),
            5);

    assertThat(settings.toString())
        .doesNotContain("hunter2", "hunter3")
        .contains("jdbc:postgresql://db/sync");
  }
}

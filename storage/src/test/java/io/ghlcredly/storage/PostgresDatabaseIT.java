package io.ghlcredly.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresDatabaseIT extends DatabaseContract {
  @Override
  protected Database openDatabase() {
    return TestDatabases.postgres();
  }

  @Test
  void runsWithASessionTimeZoneOtherThanUtc() {
    String zone =
        new Jdbc(database).queryOne("SHOW TIME ZONE", row -> row.getString(1)).orElseThrow();

    assertThat(database.dialect()).isEqualTo(Dialect.POSTGRESQL);
    assertThat(zone).isNotIn("UTC", "Etc/UTC", "GMT");
  }
}

package io.ghlcredly.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2UpkeepTest {
  private static final int COMMITS = 6_000;

  @TempDir Path folder;

  @Test
  void compactionKeepsAFileThatCommitsOneRowAtATimeFromGrowingWithEveryCommit() throws Exception {
    long without = fileSizeAfterCommits("plain", false);
    long with = fileSizeAfterCommits("compacted", true);

    assertThat(with)
        .as("compacted %d bytes, plain %d bytes", with, without)
        .isLessThan(without / 2);
  }

  @Test
  void forcesTheFileToDiskOnDemand() throws Exception {
    JdbcDataSource source = dataSource("synced");
    try (Connection open = source.getConnection()) {
      new H2Upkeep(source).syncNow();
      assertThat(open.isValid(1)).isTrue();
    }
  }

  /** One row per commit, as webhooks and jobs write, compacting every 500 commits or never. */
  private long fileSizeAfterCommits(String name, boolean compact) throws Exception {
    JdbcDataSource source = dataSource(name);
    H2Upkeep upkeep = new H2Upkeep(source);
    // Held open so that the database stays open between the statements' connections.
    try (Connection connection = source.getConnection()) {
      connection.createStatement().execute("CREATE TABLE inbox (id INT PRIMARY KEY, body VARCHAR)");
      String body = "x".repeat(1000);
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO inbox (id, body) VALUES (?, ?)")) {
        for (int id = 0; id < COMMITS; id++) {
          insert.setInt(1, id);
          insert.setString(2, body);
          insert.executeUpdate();
          if (compact && id % 500 == 499) {
            upkeep.compactNow();
          }
        }
      }
      return Files.size(folder.resolve(name + ".mv.db"));
    }
  }

  private JdbcDataSource dataSource(String name) throws SQLException {
    JdbcDataSource source = new JdbcDataSource();
    // No retention: what compaction frees is reused at once, so the test need not wait 4 s.
    source.setURL(
        H2Files.withServiceDefaults(
            "jdbc:h2:file:" + folder.resolve(name).toAbsolutePath() + ";RETENTION_TIME=0"));
    return source;
  }
}

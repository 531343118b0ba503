package io.ghlcredly.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ghlcredly.core.error.StorageException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2DatabaseTest extends DatabaseContract {
  @TempDir Path folder;

  @Override
  protected Database openDatabase() {
    return TestDatabases.h2(folder);
  }

  @Test
  void createsTheFolderOfTheDatabaseFileAndKeepsDataAcrossReopening() {
    Path nested = folder.resolve("a").resolve("b");
    DatabaseSettings settings = DatabaseSettings.of("jdbc:h2:file:" + nested.resolve("data"));

    try (Database first = Database.open(settings)) {
      assertThat(first.dialect()).isEqualTo(Dialect.H2);
      new Jdbc(first)
          .update(
              "INSERT INTO secret (name, ciphertext, updated_at) VALUES (?, ?, ?)",
              "kept",
              new byte[] {1},
              java.time.Instant.EPOCH);
    }
    try (Database second = Database.open(settings)) {
      assertThat(new Jdbc(second).queryLong("SELECT COUNT(*) FROM secret")).isEqualTo(1);
    }
    assertThat(Files.isDirectory(nested)).isTrue();
  }

  @Test
  void writesEachCommitToTheFileAtOnceAndKeepsOverwrittenPartsFourSeconds() {
    try (Database database =
        Database.open(DatabaseSettings.of("jdbc:h2:file:" + folder.resolve("s")))) {
      assertThat(setting(database, "WRITE_DELAY")).isEqualTo("0");
      assertThat(setting(database, "RETENTION_TIME")).isEqualTo("4000");
    }
  }

  @Test
  void aCommitOnAnInterruptedThreadDoesNotCloseTheDatabase() {
    try (Database database =
        Database.open(DatabaseSettings.of("jdbc:h2:file:" + folder.resolve("i")))) {
      Jdbc jdbc = new Jdbc(database);
      String insert = "INSERT INTO secret (name, ciphertext, updated_at) VALUES (?, ?, ?)";
      Thread.currentThread().interrupt();
      try {
        jdbc.update(insert, "while-interrupted", new byte[] {1}, java.time.Instant.EPOCH);
      } finally {
        boolean unused = Thread.interrupted();
      }
      jdbc.update(insert, "after", new byte[] {2}, java.time.Instant.EPOCH);

      assertThat(jdbc.queryLong("SELECT COUNT(*) FROM secret")).isEqualTo(2);
    }
  }

  @Test
  void forcesTheFileToDiskOnDemandAndSaysSoWhenItCannot() {
    Database database = Database.open(DatabaseSettings.of("jdbc:h2:file:" + folder.resolve("f")));
    database.forceToDisk();
    database.close();

    assertThatThrownBy(database::forceToDisk)
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith("cannot force the database file to disk: ");
  }

  @Test
  void refusesAUrlThatWouldLoseAcknowledgedWork() {
    DatabaseSettings delayed =
        DatabaseSettings.of("jdbc:h2:file:" + folder.resolve("d") + ";WRITE_DELAY=500");

    assertThatThrownBy(() -> Database.open(delayed))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(": WRITE_DELAY=500 makes H2 write commits");
    assertThat(folder.resolve("d.mv.db")).doesNotExist();
  }

  private static String setting(Database database, String name) {
    return database.withConnection(
        connection -> {
          try (var statement =
              connection.prepareStatement(
                  "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                      + " WHERE SETTING_NAME = ?")) {
            statement.setString(1, name);
            try (var row = statement.executeQuery()) {
              return row.next() ? row.getString(1) : "absent";
            }
          }
        });
  }
}

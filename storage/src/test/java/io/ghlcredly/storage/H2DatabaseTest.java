package io.ghlcredly.storage;

import static org.assertj.core.api.Assertions.assertThat;

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
}

package io.ghlcredly.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ghlcredly.core.error.StorageException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What {@link Database} and {@link Jdbc} must do, on each database. */
public abstract class DatabaseContract extends StoreFixture {
  private static final String INSERT =
      "INSERT INTO secret (name, ciphertext, updated_at) VALUES (?, ?, ?)";

  private long rows(Jdbc jdbc) {
    return jdbc.queryLong("SELECT COUNT(*) FROM secret");
  }

  @Test
  void commitsATransactionThatReturns() {
    Jdbc jdbc = new Jdbc(database);

    int inserted =
        database.inTransaction(
            connection ->
                jdbc.update(INSERT, "a", new byte[] {1}, Instant.EPOCH)
                    + jdbc.update(INSERT, "b", new byte[] {2}, Instant.EPOCH));

    assertThat(inserted).isEqualTo(2);
    assertThat(rows(jdbc)).isEqualTo(2);
  }

  @Test
  void rollsBackATransactionThatThrows() {
    Jdbc jdbc = new Jdbc(database);

    assertThatThrownBy(
            () ->
                database.inTransaction(
                    connection -> {
                      jdbc.update(INSERT, "a", new byte[] {1}, Instant.EPOCH);
                      assertThat(database.inTransaction()).isTrue();
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");

    assertThat(database.inTransaction()).isFalse();
    assertThat(rows(jdbc)).isZero();
  }

  @Test
  void wrapsSqlErrorsInStorageException() {
    Jdbc jdbc = new Jdbc(database);

    assertThatThrownBy(() -> jdbc.update("UPDATE no_such_table SET x = 1"))
        .isInstanceOf(StorageException.class);
  }

  @Test
  void instantsRoundTripExactlyWhateverTheSessionZone() {
    Jdbc jdbc = new Jdbc(database);
    // Around a daylight-saving change in New York, where a local-time conversion would slip.
    Instant instant = Instant.parse("2026-03-08T07:00:00.987Z");

    jdbc.update(INSERT, "a", new byte[] {1}, instant);

    assertThat(
            jdbc.queryOne(
                "SELECT updated_at FROM secret WHERE name = ?",
                row -> Jdbc.instant(row, "updated_at"),
                "a"))
        .contains(instant);
  }

  @Test
  void runsTheMigrationsOnce() {
    Jdbc jdbc = new Jdbc(database);

    assertThat(jdbc.queryLong("SELECT COUNT(*) FROM scheduled_tasks")).isZero();
    assertThat(database.dataSource()).isNotNull();
  }
}

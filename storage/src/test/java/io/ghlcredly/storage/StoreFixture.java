package io.ghlcredly.storage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Opens a fresh database before each test and closes it after. */
public abstract class StoreFixture {
  protected Database database;

  /** A new, empty, migrated database. */
  protected abstract Database openDatabase();

  @BeforeEach
  void openFixtureDatabase() {
    database = openDatabase();
  }

  @AfterEach
  @SuppressWarnings("NullAway") // null when openDatabase skipped the test
  void closeFixtureDatabase() {
    if (database != null) {
      database.close();
    }
  }
}

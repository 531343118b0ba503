package io.ghlcredly.storage;

class PostgresIntakeStoreIT extends IntakeStoreContract {
  @Override
  protected Database openDatabase() {
    return TestDatabases.postgres();
  }
}

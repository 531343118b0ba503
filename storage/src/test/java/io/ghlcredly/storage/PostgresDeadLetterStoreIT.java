package io.ghlcredly.storage;

class PostgresDeadLetterStoreIT extends DeadLetterStoreContract {
  @Override
  protected Database openDatabase() {
    return TestDatabases.postgres();
  }
}

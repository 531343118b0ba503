package io.ghlcredly.storage;

class PostgresOperatorStoreIT extends OperatorStoreContract {
  @Override
  protected Database openDatabase() {
    return TestDatabases.postgres();
  }
}

package io.ghlcredly.storage;

class PostgresAccountEventLogIT extends AccountEventLogContract {
  @Override
  protected Database openDatabase() {
    return TestDatabases.postgres();
  }
}

package io.ghlcredly.storage;

class PostgresEventInboxIT extends EventInboxContract {
  @Override
  protected Database openDatabase() {
    return TestDatabases.postgres();
  }
}

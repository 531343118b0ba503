package io.ghlcredly.storage;

class PostgresActionJournalIT extends ActionJournalContract {
  @Override
  protected Database openDatabase() {
    return TestDatabases.postgres();
  }
}

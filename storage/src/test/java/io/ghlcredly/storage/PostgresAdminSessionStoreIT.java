package io.ghlcredly.storage;

class PostgresAdminSessionStoreIT extends AdminSessionStoreContract {
  @Override
  protected Database openDatabase() {
    return TestDatabases.postgres();
  }
}

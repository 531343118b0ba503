package io.ghlcredly.storage;

class PostgresTokenStoreIT extends TokenStoreContract {
  @Override
  protected Database openDatabase() {
    return TestDatabases.postgres();
  }
}

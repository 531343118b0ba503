package io.ghlcredly.storage;

class PostgresSyncStateStoreIT extends SyncStateStoreContract {
  @Override
  protected Database openDatabase() {
    return TestDatabases.postgres();
  }
}

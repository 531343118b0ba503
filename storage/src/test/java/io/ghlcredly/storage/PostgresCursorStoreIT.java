package io.ghlcredly.storage;

class PostgresCursorStoreIT extends CursorStoreContract {
  @Override
  protected Database openDatabase() {
    return TestDatabases.postgres();
  }
}

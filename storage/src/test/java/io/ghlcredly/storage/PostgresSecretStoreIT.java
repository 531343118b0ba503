package io.ghlcredly.storage;

class PostgresSecretStoreIT extends SecretStoreContract {
  @Override
  protected Database openDatabase() {
    return TestDatabases.postgres();
  }
}

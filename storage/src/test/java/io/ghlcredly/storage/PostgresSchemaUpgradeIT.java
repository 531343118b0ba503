package io.ghlcredly.storage;

class PostgresSchemaUpgradeIT extends SchemaUpgradeContract {
  @Override
  protected DatabaseSettings newSettings() {
    return TestDatabases.postgresSettings();
  }
}

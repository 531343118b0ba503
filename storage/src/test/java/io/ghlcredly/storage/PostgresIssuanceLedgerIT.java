package io.ghlcredly.storage;

class PostgresIssuanceLedgerIT extends IssuanceLedgerContract {
  @Override
  protected Database openDatabase() {
    return TestDatabases.postgres();
  }
}

package io.ghlcredly.storage;

class PostgresJobQueueIT extends JobQueueContract {
  @Override
  protected Database openDatabase() {
    return TestDatabases.postgres();
  }
}

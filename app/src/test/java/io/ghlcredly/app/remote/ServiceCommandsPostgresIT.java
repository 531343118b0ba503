package io.ghlcredly.app.remote;

import io.ghlcredly.app.demo.DemoEnvironment;
import io.ghlcredly.storage.TestDatabases;

/** The operator commands beside a service on PostgreSQL (a fresh schema). */
class ServiceCommandsPostgresIT extends ServiceCommandsContract {
  @Override
  DemoEnvironment.Extras extras() {
    return DemoEnvironment.Extras.NONE.onStorage(TestDatabases.postgresSettings().jdbcUrl());
  }

  @Override
  boolean embedded() {
    return false;
  }
}

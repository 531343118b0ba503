package io.ghlcredly.app.admin;

import io.ghlcredly.app.demo.DemoEnvironment;
import io.ghlcredly.storage.TestDatabases;

/** Workspace scopes on PostgreSQL (a fresh schema). */
class WorkspaceScopePostgresIT extends WorkspaceScopeContract {
  @Override
  DemoEnvironment.Extras storage() {
    return DemoEnvironment.Extras.NONE.onStorage(TestDatabases.postgresSettings().jdbcUrl());
  }
}

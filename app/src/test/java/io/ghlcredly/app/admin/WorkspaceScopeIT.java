package io.ghlcredly.app.admin;

import io.ghlcredly.app.demo.DemoEnvironment;

/** Workspace scopes on the embedded H2 database. */
class WorkspaceScopeIT extends WorkspaceScopeContract {
  @Override
  DemoEnvironment.Extras storage() {
    return DemoEnvironment.Extras.NONE;
  }
}

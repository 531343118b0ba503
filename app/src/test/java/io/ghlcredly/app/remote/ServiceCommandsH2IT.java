package io.ghlcredly.app.remote;

import io.ghlcredly.app.demo.DemoEnvironment;

/** The operator commands beside a service on the embedded H2 default, whose file it holds alone. */
class ServiceCommandsH2IT extends ServiceCommandsContract {
  @Override
  DemoEnvironment.Extras extras() {
    return DemoEnvironment.Extras.NONE;
  }

  @Override
  boolean embedded() {
    return true;
  }
}

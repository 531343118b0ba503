package io.ghlcredly.storage;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2SchemaUpgradeTest extends SchemaUpgradeContract {
  @TempDir Path folder;

  @Override
  protected DatabaseSettings newSettings() {
    return TestDatabases.h2Settings(folder);
  }
}

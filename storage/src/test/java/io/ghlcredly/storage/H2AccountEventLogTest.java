package io.ghlcredly.storage;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2AccountEventLogTest extends AccountEventLogContract {
  @TempDir Path folder;

  @Override
  protected Database openDatabase() {
    return TestDatabases.h2(folder);
  }
}

package io.ghlcredly.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class H2FilesTest {
  @Test
  void findsTheFileOfEmbeddedUrlsOnly() {
    assertThat(H2Files.databasePath("jdbc:h2:file:/data/sync;MODE=Regular"))
        .contains(Path.of("/data/sync"));
    assertThat(H2Files.databasePath("jdbc:h2:./data/sync")).contains(Path.of("./data/sync"));
    assertThat(H2Files.databasePath("jdbc:h2:~/sync"))
        .contains(Path.of(System.getProperty("user.home") + "/sync"));
    assertThat(H2Files.databasePath("jdbc:h2:mem:test")).isEmpty();
    assertThat(H2Files.databasePath("jdbc:h2:tcp://host/db")).isEmpty();
    assertThat(H2Files.databasePath("jdbc:postgresql://host/db")).isEmpty();
  }

  @Test
  void keepsH2FromClosingTheDatabaseOnItsOwnAtExitUnlessTold() {
    assertThat(H2Files.withServiceDefaults("jdbc:h2:file:/data/sync"))
        .isEqualTo("jdbc:h2:file:/data/sync;DB_CLOSE_ON_EXIT=FALSE");
    assertThat(H2Files.withServiceDefaults("jdbc:h2:file:/data/sync;db_close_on_exit=true"))
        .isEqualTo("jdbc:h2:file:/data/sync;db_close_on_exit=true");
  }
}

package io.ghlcredly.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  void
      writesEachCommitToTheFileKeepsOverwrittenPartsBrieflyAndLeavesClosingToTheServiceUnlessTold() {
    assertThat(H2Files.withServiceDefaults("jdbc:h2:file:/data/sync"))
        .isEqualTo(
            "jdbc:h2:file:retry:/data/sync;WRITE_DELAY=0;RETENTION_TIME=4000;DB_CLOSE_ON_EXIT=FALSE");
    assertThat(H2Files.withServiceDefaults("jdbc:h2:file:/data/sync;db_close_on_exit=true"))
        .isEqualTo(
            "jdbc:h2:file:retry:/data/sync;db_close_on_exit=true;WRITE_DELAY=0;RETENTION_TIME=4000");
    assertThat(
            H2Files.withServiceDefaults(
                "jdbc:h2:file:/data/sync;write_delay=0;Retention_Time=45000"))
        .isEqualTo(
            "jdbc:h2:file:retry:/data/sync;write_delay=0;Retention_Time=45000;DB_CLOSE_ON_EXIT=FALSE");
  }

  @Test
  void opensEmbeddedFilesThroughTheFileSystemThatSurvivesAnInterruptUnlessTheUrlNamesOne() {
    assertThat(H2Files.withServiceDefaults("jdbc:h2:./data/sync"))
        .startsWith("jdbc:h2:retry:./data/sync;");
    assertThat(H2Files.withServiceDefaults("jdbc:h2:FILE:~/sync"))
        .startsWith("jdbc:h2:FILE:retry:~/sync;");
    assertThat(H2Files.withServiceDefaults("jdbc:h2:file:nio:/data/sync"))
        .startsWith("jdbc:h2:file:nio:/data/sync;");
    assertThat(H2Files.withServiceDefaults("jdbc:h2:file:C:/data/sync"))
        .startsWith("jdbc:h2:file:retry:C:/data/sync;");
    assertThat(H2Files.withServiceDefaults("jdbc:h2:mem:test")).startsWith("jdbc:h2:mem:test;");
  }

  @Test
  void refusesSettingsThatWouldLoseAcknowledgedWorkOrShareTheFile() {
    assertThat(H2Files.durabilityProblem("jdbc:h2:file:/data/sync;Write_Delay=500"))
        .hasValueSatisfying(
            problem ->
                assertThat(problem)
                    .startsWith("WRITE_DELAY=500 makes H2 write commits")
                    .contains("remove it"));
    assertThat(H2Files.durabilityProblem("jdbc:h2:file:/data/sync;FILE_LOCK=no"))
        .hasValueSatisfying(problem -> assertThat(problem).startsWith("FILE_LOCK=NO lets"));
    assertThat(H2Files.durabilityProblem("jdbc:h2:file:/data/sync;WRITE_DELAY=0;FILE_LOCK=FS"))
        .isEmpty();
    assertThatThrownBy(() -> H2Files.withServiceDefaults("jdbc:h2:file:/data/sync;WRITE_DELAY=1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("WRITE_DELAY=1 ");
  }
}

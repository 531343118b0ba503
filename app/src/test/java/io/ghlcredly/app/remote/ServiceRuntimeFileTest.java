package io.ghlcredly.app.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.app.config.OperatorConfig;
import io.ghlcredly.app.config.SecretsConfig;
import io.ghlcredly.app.config.ServerConfig;
import io.ghlcredly.app.config.StorageConfig;
import io.ghlcredly.core.model.Secret;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceRuntimeFileTest {
  @TempDir Path folder;

  @Test
  void liesBesideTheEmbeddedDatabaseOrInTheDataFolderNamedAfterThePostgresDatabase() {
    OperatorConfig h2 = config("jdbc:h2:file:" + folder.resolve("data/ghl-credly") + ";MODE=x");
    OperatorConfig postgres = config("jdbc:postgresql://db:5432/sync?currentSchema=a");

    assertThat(ServiceRuntimeFile.location(h2))
        .isEqualTo(folder.resolve("data/ghl-credly.service.json"));
    assertThat(ServiceRuntimeFile.location(postgres))
        .isEqualTo(
            folder.resolve(
                "keys/ghl-credly-service-"
                    + ServiceRuntimeFile.storageId(postgres.storage())
                    + ".json"));
  }

  @Test
  void theStorageIdNamesTheDatabaseNotItsSecrets() {
    StorageConfig one = new StorageConfig("jdbc:postgresql://db/sync?password=a", "u", null, 2);
    StorageConfig samePasswordChanged =
        new StorageConfig("jdbc:postgresql://db/sync?password=b", "u", Secret.of("x"), 9);
    StorageConfig otherSchema =
        new StorageConfig("jdbc:postgresql://db/sync?currentSchema=s", "u", null, 2);
    StorageConfig relative = new StorageConfig("jdbc:h2:file:./data/db", null, null, 2);
    StorageConfig absolute =
        new StorageConfig("jdbc:h2:file:" + Path.of("./data/db").toAbsolutePath(), null, null, 2);

    assertThat(ServiceRuntimeFile.storageId(one))
        .hasSize(16)
        .isEqualTo(ServiceRuntimeFile.storageId(samePasswordChanged))
        .isNotEqualTo(ServiceRuntimeFile.storageId(otherSchema));
    assertThat(ServiceRuntimeFile.storageId(relative))
        .isEqualTo(ServiceRuntimeFile.storageId(absolute));
  }

  @Test
  void isWrittenOwnerOnlyAndRemovedOnlyByTheServiceItNames() throws IOException {
    OperatorConfig config = config("jdbc:h2:file:" + folder.resolve("data/ghl-credly"));
    Path file = ServiceRuntimeFile.location(config);
    ServiceRuntimeFile.Entry ours = entry(ProcessHandle.current().pid(), 8080);
    ServiceRuntimeFile.Entry theirs = entry(ProcessHandle.current().pid(), 8081);

    ServiceRuntimeFile.Published first = ServiceRuntimeFile.publish(config, ours);
    assertThat(ServiceRuntimeFile.read(file)).contains(ours);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    ServiceRuntimeFile.Published second = ServiceRuntimeFile.publish(config, theirs);
    first.close();
    assertThat(ServiceRuntimeFile.read(file)).as("another instance's file stays").contains(theirs);
    second.close();
    assertThat(file).doesNotExist();
  }

  @Test
  void theAdminUrlIsReachableFromThisMachine() {
    assertThat(ServiceRuntimeFile.adminUrl(server("0.0.0.0"), 8080))
        .isEqualTo(URI.create("http://127.0.0.1:8080"));
    assertThat(ServiceRuntimeFile.adminUrl(server("::"), 9000))
        .isEqualTo(URI.create("http://[::1]:9000"));
    assertThat(ServiceRuntimeFile.adminUrl(server("10.0.0.5"), 9000))
        .isEqualTo(URI.create("http://10.0.0.5:9000"));
    assertThat(ServiceRuntimeFile.adminUrl(server("fd00::5"), 9000))
        .isEqualTo(URI.create("http://[fd00::5]:9000"));
  }

  private ServiceRuntimeFile.Entry entry(long pid, int port) {
    return new ServiceRuntimeFile.Entry(
        pid,
        URI.create("http://127.0.0.1:" + port),
        "0123456789abcdef",
        "node-1",
        "2026-01-01T00:00:00Z");
  }

  private static ServerConfig server(String host) {
    return new ServerConfig(8080, host, null, null, null, 1024 * 1024, null);
  }

  private OperatorConfig config(String url) {
    return new OperatorConfig(
        ServerConfig.defaults(),
        new StorageConfig(url, null, null, 2),
        new SecretsConfig(folder.resolve("keys/secret.key"), null));
  }
}

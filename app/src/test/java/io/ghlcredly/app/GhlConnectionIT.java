package io.ghlcredly.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.app.config.AppConfig;
import io.ghlcredly.app.config.ConfigLoader;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.storage.Database;
import io.ghlcredly.storage.JdbcTokenStore;
import io.ghlcredly.storage.SecretCipher;
import io.ghlcredly.storage.TestDatabases;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In private-token mode the token's location, configured as {@code ghl.auth.location-id} alone, is
 * what the reconciliation pass polls and whose rate budget the calls spend.
 */
class GhlConnectionIT {
  @TempDir Path folder;
  private GhlEmulator ghl;
  private Database database;

  @BeforeEach
  void start() {
    ghl = GhlEmulator.start();
    database = TestDatabases.h2(folder);
  }

  @AfterEach
  void stop() {
    database.close();
    ghl.close();
  }

  @Test
  void aPrivateTokenWithOnlyItsLocationIdReconcilesAndSpendsThatLocation() throws IOException {
    String contact = ghl.seedContact("Ada", "Lovelace", "ada@example.com");
    AppConfig config = privateTokenConfig();
    LocationId location = new LocationId(ghl.locationId());

    GhlConnection connection =
        GhlConnection.wire(
            config.ghl(),
            config.server(),
            database,
            new JdbcTokenStore(
                database, SecretCipher.load(folder.resolve("secret.key"), null), clock()),
            clock());
    long changed = connection.changes().changedSince(location, Instant.EPOCH).count();

    assertThat(config.ghl().locations()).isEmpty();
    assertThat(connection.reconcileLocations().get()).containsExactly(location);
    assertThat(changed).isEqualTo(1);
    assertThat(connection.crm().findContact(location, new ContactId(contact))).isPresent();
    assertThat(connection.limiter().keys()).containsExactly(ghl.locationId());
  }

  private AppConfig privateTokenConfig() throws IOException {
    Path file =
        Files.writeString(
            folder.resolve("ghl-credly.yaml"),
            """
            ghl:
              auth:
                mode: private-token
                private-token: ${GHL_TOKEN}
                location-id: %s
              base-url: %s
            credly:
              environment: sandbox
              organization-id: 00000000-0000-0000-0000-000000000001
              auth:
                token: ${CREDLY_TOKEN}
            """
                .formatted(ghl.locationId(), ghl.baseUrl()));
    return ConfigLoader.load(
        file, Map.of("GHL_TOKEN", ghl.accessToken().reveal(), "CREDLY_TOKEN", "credly-1"));
  }

  private static InstantSource clock() {
    return InstantSource.system();
  }
}

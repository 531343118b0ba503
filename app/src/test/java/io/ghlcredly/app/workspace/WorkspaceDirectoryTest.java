package io.ghlcredly.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.app.config.AppConfig;
import io.ghlcredly.app.config.ConfigLoader;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.WorkspaceId;
import io.ghlcredly.core.port.WorkspaceStore;
import io.ghlcredly.storage.Database;
import io.ghlcredly.storage.JdbcWorkspaceStore;
import io.ghlcredly.storage.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which workspace serves a location: the file's, then the browser's, then the implicit one. */
class WorkspaceDirectoryTest {
  private static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");
  private static final WorkspaceId NORTH = new WorkspaceId("north");
  private static final WorkspaceId SOUTH = new WorkspaceId("south");
  private static final WorkspaceId EAST = new WorkspaceId("east");

  @TempDir Path folder;
  private Database database;
  private JdbcWorkspaceStore store;

  @BeforeEach
  void open() {
    database = TestDatabases.h2(folder);
    store = new JdbcWorkspaceStore(database);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void theFileWinsThenTheBrowsersAssignmentAndAnUnassignedLocationHasNone() throws IOException {
    WorkspaceDirectory directory =
        new WorkspaceDirectory(agency(), store, InstantSource.fixed(NOW));
    store.createWorkspace(new WorkspaceStore.StoredWorkspace(EAST, "East Academy", NOW, "admin"));
    assign("loc-1", SOUTH); // the file puts loc-1 in north: this row does not move it
    assign("loc-9", EAST);

    assertThat(directory.workspaceOf(new LocationId("loc-1"))).contains(NORTH);
    assertThat(directory.workspaceOf(new LocationId("loc-9"))).contains(EAST);
    assertThat(directory.workspaceOf(new LocationId("loc-7"))).isEmpty();
    assertThat(directory.list())
        .extracting(workspace -> workspace.id().value())
        .containsExactly("north", "south", "east");
    assertThat(directory.find(EAST).orElseThrow().locations())
        .containsExactly(new LocationId("loc-9"));
    assertThat(directory.find(NORTH).orElseThrow().locations())
        .containsExactly(new LocationId("loc-1"));
  }

  @Test
  void withoutWorkspacesTheImplicitOneServesEveryLocationNotAssignedElsewhere() throws IOException {
    Path file =
        Files.writeString(
            folder.resolve("single.yaml"),
            """
            ghl:
              auth: { mode: private-token, private-token: "${SECRET}", location-id: loc-1 }
            credly:
              environment: sandbox
              organization-id: aaaaaaaa-0000-4000-8000-000000000001
              auth: { token: "${SECRET}" }
            """);
    AppConfig single = ConfigLoader.load(file, Map.of("SECRET", "s-1"));
    WorkspaceDirectory directory = new WorkspaceDirectory(single, store, InstantSource.fixed(NOW));
    store.createWorkspace(new WorkspaceStore.StoredWorkspace(EAST, "East Academy", NOW, "admin"));
    assign("loc-9", EAST);

    assertThat(directory.workspaceOf(new LocationId("anything"))).contains(WorkspaceId.DEFAULT);
    assertThat(directory.workspaceOf(new LocationId("loc-9"))).contains(EAST);
    LocationScope implicitOnly = directory.scopeOf(Set.of(WorkspaceId.DEFAULT));
    assertThat(implicitOnly.covers(new LocationId("anything"))).isTrue();
    assertThat(implicitOnly.covers(new LocationId("loc-9"))).isFalse();
  }

  @Test
  void anAssignmentMadeAfterALabelWasCachedStillRoutesAtOnce() throws IOException {
    WorkspaceDirectory directory =
        new WorkspaceDirectory(agency(), store, InstantSource.fixed(NOW));
    LocationId spare = new LocationId("loc-7");
    assertThat(directory.labelOf(spare)).isEqualTo("none");

    assign("loc-7", SOUTH);

    assertThat(directory.workspaceOf(spare)).contains(SOUTH);
    assertThat(directory.labelOf(spare)).isEqualTo("none"); // labels may lag a few seconds
  }

  private void assign(String location, WorkspaceId workspace) {
    store.assign(new WorkspaceStore.Assignment(new LocationId(location), workspace, NOW, "admin"));
  }

  private AppConfig agency() throws IOException {
    Path file =
        Files.writeString(
            folder.resolve("agency.yaml"),
            """
            server: { public-url: "https://sync.example.com" }
            ghl:
              auth: { mode: oauth, client-id: app-1, client-secret: "${SECRET}" }
            workspaces:
              - id: north
                locations: [loc-1]
                credly:
                  environment: sandbox
                  organization-id: aaaaaaaa-0000-4000-8000-000000000001
                  auth: { token: "${SECRET}" }
              - id: south
                credly:
                  environment: sandbox
                  organization-id: bbbbbbbb-0000-4000-8000-000000000002
                  auth: { token: "${SECRET}" }
            """);
    return ConfigLoader.load(file, Map.of("SECRET", "s-1"));
  }
}

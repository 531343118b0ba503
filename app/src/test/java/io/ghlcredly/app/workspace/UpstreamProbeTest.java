package io.ghlcredly.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class UpstreamProbeTest {
  private static final InstantSource CLOCK =
      InstantSource.fixed(Instant.parse("2026-12-08T10:42:13Z"));
  private static final WorkspaceId NORTH = new WorkspaceId("north");

  @Test
  void aRefusedTokenSaysWhenAndWhatToDo() {
    UpstreamProbe.Target credly = credly(NORTH, () -> fail(401, ApiException.Kind.UNAUTHORIZED));
    UpstreamProbe probe = new UpstreamProbe(List.of(credly), CLOCK, Duration.ofMinutes(1));

    UpstreamProbe.Result result = probe.probe(credly);

    assertThat(result.state()).isEqualTo(UpstreamProbe.State.REFUSED);
    assertThat(result.problem())
        .isEqualTo(
            "Credly refused the token (401) at 10:42 UTC: create a new token in Credly and set"
                + " workspaces[0].credly.auth.token");
    assertThat(probe.problems(NORTH)).containsExactly(result.problem());
    assertThat(probe.problems(new WorkspaceId("south"))).isEmpty();
    assertThat(probe.unavailable()).isEmpty();
  }

  @Test
  void anUnreachableApiIsUnavailableNotRefused() {
    UpstreamProbe.Target credly = credly(NORTH, () -> fail(0, ApiException.Kind.TRANSIENT));
    UpstreamProbe probe = new UpstreamProbe(List.of(credly), CLOCK, Duration.ofMinutes(1));

    probe.probe(credly);

    assertThat(probe.problem(credly.name(), UpstreamProbe.State.REFUSED)).isEmpty();
    assertThat(probe.unavailable())
        .containsExactly(
            "Credly could not be reached at 10:42 UTC (transient): its work waits and is retried;"
                + " check the network and Credly's status");
  }

  @Test
  void theGhlTokenConcernsEveryWorkspaceAndASuccessClearsTheProblem() {
    boolean[] refuse = {true};
    UpstreamProbe.Target ghl =
        new UpstreamProbe.Target(
            "ghl",
            null,
            "GHL",
            "the private token",
            "set ghl.auth.private-token",
            "ghl.auth.location-id",
            () -> refuse[0] ? fail(403, ApiException.Kind.PERMANENT) : "ok");
    UpstreamProbe probe = new UpstreamProbe(List.of(ghl), CLOCK, Duration.ofMinutes(1));

    probe.probe(ghl);
    assertThat(probe.problems(NORTH))
        .containsExactly(
            "GHL refused the private token (403) at 10:42 UTC: set ghl.auth.private-token");
    refuse[0] = false;
    probe.probe(ghl);

    assertThat(probe.problems(NORTH)).isEmpty();
    assertThat(probe.results())
        .singleElement()
        .satisfies(result -> assertThat(result.state()).isEqualTo(UpstreamProbe.State.OK));
  }

  private static UpstreamProbe.Target credly(WorkspaceId workspace, Supplier<?> call) {
    return new UpstreamProbe.Target(
        "credly:" + workspace.value(),
        workspace,
        "Credly",
        "the token",
        "create a new token in Credly and set workspaces[0].credly.auth.token",
        "workspaces[0].credly.organization-id",
        call);
  }

  private static String fail(int status, ApiException.Kind kind) {
    throw new ApiException("credly", "GET", "/organizations/x", status, kind, null, null, null);
  }
}

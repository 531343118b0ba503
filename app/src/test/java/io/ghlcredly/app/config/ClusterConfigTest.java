package io.ghlcredly.app.config;

import static io.ghlcredly.app.config.ConfigFixtures.minimalEnv;
import static io.ghlcredly.app.config.ConfigFixtures.resource;
import static io.ghlcredly.app.config.ConfigFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.app.Application;
import io.ghlcredly.core.error.ConfigException.ConfigProblem;
import io.ghlcredly.storage.JobQueueSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings that matter when several instances share one database. */
class ClusterConfigTest {
  @Test
  void failsOverThirtySecondsAfterACrashByDefaultAndNamesNoInstance() {
    AppConfig config = ConfigLoader.load(resource("minimal.yaml"), minimalEnv());

    assertThat(config.jobs().heartbeat()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.jobs().missedHeartbeats()).isEqualTo(6);
    assertThat(config.jobs().failoverAfter()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.server().instanceName()).isNull();
  }

  @Test
  void theJobQueueUsesTheConfiguredWorkersAndHeartbeat() {
    Map<String, String> env = with(minimalEnv(), "GCS_JOBS_HEARTBEAT", "500ms");
    env = with(env, "GCS_JOBS_MISSED_HEARTBEATS", "4");
    env = with(env, "GCS_JOBS_WORKERS", "3");
    env = with(env, "GCS_SERVER_INSTANCE_NAME", "sync-b");

    AppConfig config = ConfigLoader.load(resource("minimal.yaml"), env);
    JobQueueSettings queue = Application.jobSettings(config);

    assertThat(queue.threads()).isEqualTo(3);
    assertThat(queue.heartbeatInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(queue.missedHeartbeatsLimit()).isEqualTo(4);
    assertThat(queue.deadAfter()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.server().instanceName()).isEqualTo("sync-b");
  }

  @Test
  void jobsWaitTheSettleWindowForTheRestOfABurst() {
    JobQueueSettings byDefault =
        Application.jobSettings(ConfigLoader.load(resource("minimal.yaml"), minimalEnv()));
    JobQueueSettings configured =
        Application.jobSettings(
            ConfigLoader.load(
                resource("minimal.yaml"), with(minimalEnv(), "GCS_JOBS_SETTLE", "2s")));
    JobQueueSettings off =
        Application.jobSettings(
            ConfigLoader.load(
                resource("minimal.yaml"), with(minimalEnv(), "GCS_JOBS_SETTLE", "0s")));

    assertThat(byDefault.settle()).isEqualTo(Duration.ofMillis(30));
    assertThat(configured.settle()).isEqualTo(Duration.ofSeconds(2));
    assertThat(off.settle()).isZero();
  }

  @Test
  void refusesASettleWindowOverTenSeconds() {
    assertThat(
            ConfigLoader.check(
                resource("minimal.yaml"), with(minimalEnv(), "GCS_JOBS_SETTLE", "11s")))
        .extracting(ConfigProblem::path)
        .containsExactly("jobs.settle");
  }

  @Test
  void refusesFewerThanFourMissedHeartbeats() {
    assertThat(
            ConfigLoader.check(
                resource("minimal.yaml"), with(minimalEnv(), "GCS_JOBS_MISSED_HEARTBEATS", "3")))
        .extracting(ConfigProblem::path)
        .containsExactly("jobs.missed-heartbeats");
  }

  @Test
  void refusesAnInstanceNameThatIsNoPlainWord() {
    assertThat(
            ConfigLoader.check(
                resource("minimal.yaml"),
                with(minimalEnv(), "GCS_SERVER_INSTANCE_NAME", "sync b; drop")))
        .extracting(ConfigProblem::path)
        .containsExactly("server.instance-name");
  }
}

package io.ghlcredly.app.workspace;

import io.ghlcredly.app.config.AppConfig;
import io.ghlcredly.app.config.WorkspaceConfig;
import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.WorkspaceId;
import io.ghlcredly.credly.CredlyClient;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cheap authenticated call to each upstream, at start and every {@link #INTERVAL}: a rejected
 * token or an unreachable API shows in {@code /health/ready} and {@code /health} within a minute,
 * with what to do about it, instead of as a dead letter twenty minutes later. Each target keeps its
 * last result; a target whose call is still running is not called again. Thread-safe.
 */
public final class UpstreamProbe implements AutoCloseable {
  /** How often each upstream is asked: often enough that a revoked token shows within a minute. */
  public static final Duration INTERVAL = Duration.ofMinutes(1);

  private static final Logger log = LoggerFactory.getLogger(UpstreamProbe.class);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  /**
   * One upstream call.
   *
   * @param name the target's name in {@code /health} ({@code credly:north}, {@code ghl})
   * @param workspace the workspace it serves; null for every workspace (the GHL token)
   * @param upstream "Credly" or "GHL", for messages
   * @param credential what is sent ("the token", "the private token"), for messages
   * @param fix what to do when the upstream refuses the credential
   * @param setting the YAML path naming what the call asks for, for any other answer
   * @param call the cheap authenticated call; throws when it fails
   */
  public record Target(
      String name,
      @Nullable WorkspaceId workspace,
      String upstream,
      String credential,
      String fix,
      String setting,
      Supplier<?> call) {}

  /** How the last call went. */
  public enum State {
    OK,
    /** 401 or 403: the credential is refused; nothing works until it is replaced. */
    REFUSED,
    /** No answer, a timeout or a 5xx: the work waits and is retried. */
    UNREACHABLE,
    /** Any other answer. */
    FAILED
  }

  /**
   * The last result of one target.
   *
   * @param problem what is wrong and what to do, in plain words; null when {@link State#OK}
   */
  public record Result(Target target, Instant at, State state, @Nullable String problem) {}

  private final List<Target> targets;
  private final InstantSource clock;
  private final Duration interval;
  private final Map<String, Result> results = new ConcurrentHashMap<>();
  private final Map<String, Boolean> running = new ConcurrentHashMap<>();
  private @Nullable ScheduledExecutorService scheduler;

  public UpstreamProbe(List<Target> targets, InstantSource clock, Duration interval) {
    this.targets = List.copyOf(targets);
    this.clock = clock;
    this.interval = interval;
  }

  /**
   * The interval to use: {@link #INTERVAL}, or the milliseconds of the system property {@code
   * gcs.upstream-probe-interval-ms} (for tests that cannot wait a minute).
   */
  public static Duration configuredInterval() {
    Long millis = Long.getLong("gcs.upstream-probe-interval-ms");
    return millis == null || millis <= 0 ? INTERVAL : Duration.ofMillis(millis);
  }

  /**
   * The targets of a configuration: each workspace's Credly organization ({@code GET
   * /organizations/{id}}) and, with a GHL private token, its location ({@code GET
   * /locations/{id}}); in OAuth mode GHL is not probed here, since each account's status already
   * shows.
   *
   * @param ghlLocation reads the location with the private token; null in OAuth mode
   */
  public static List<Target> targets(
      AppConfig config, WorkspaceRuntime runtime, @Nullable Supplier<?> ghlLocation) {
    List<Target> targets = new ArrayList<>();
    for (int index = 0; index < config.workspaces().size(); index++) {
      WorkspaceConfig workspace = config.workspaces().get(index);
      Optional<WorkspaceRuntime.Running> running = runtime.workspace(workspace.id());
      if (running.isEmpty()) {
        continue;
      }
      CredlyClient client = running.get().credly();
      String prefix = workspace.pathPrefix(index);
      boolean oauth = workspace.credly().usesOAuth();
      targets.add(
          new Target(
              workspace.implicit() ? "credly" : "credly:" + workspace.id().value(),
              workspace.id(),
              "Credly",
              oauth ? "the client credentials" : "the token",
              oauth
                  ? "check the OAuth application in Credly and set "
                      + prefix
                      + "credly.auth.client-id and "
                      + prefix
                      + "credly.auth.client-secret"
                  : "create a new token in Credly and set " + prefix + "credly.auth.token",
              prefix + "credly.organization-id",
              client::organization));
    }
    String location = config.ghl().privateTokenLocation();
    if (ghlLocation != null && location != null) {
      targets.add(
          new Target(
              "ghl",
              null,
              "GHL",
              "the private token",
              "create a new Private Integration Token in GHL for location "
                  + location
                  + " and set ghl.auth.private-token",
              "ghl.auth.location-id",
              ghlLocation));
    }
    return targets;
  }

  /** Probes now and then every interval, in the background, until {@link #close}. */
  public synchronized void start() {
    if (scheduler != null || targets.isEmpty()) {
      return;
    }
    ScheduledExecutorService started =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("upstream-probe").daemon().factory());
    var unused =
        started.scheduleWithFixedDelay(
            this::probeAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    scheduler = started;
  }

  /** Starts each target's call on its own virtual thread; one slow upstream holds up no other. */
  private void probeAll() {
    for (Target target : targets) {
      if (running.putIfAbsent(target.name(), Boolean.TRUE) == null) {
        Thread.ofVirtual()
            .name("upstream-probe-" + target.name())
            .start(
                () -> {
                  try {
                    probe(target);
                  } finally {
                    running.remove(target.name());
                  }
                });
      }
    }
  }

  /** Calls one target now and keeps its result. */
  Result probe(Target target) {
    Result result;
    try {
      var unused = target.call().get();
      result = new Result(target, clock.instant(), State.OK, null);
    } catch (ApiException e) {
      result = failed(target, e.status(), e.kind().name().toLowerCase(Locale.ROOT));
    } catch (RuntimeException e) {
      result = failed(target, 0, e.getClass().getSimpleName());
    }
    Result before = results.put(target.name(), result);
    if (result.state() != State.OK && (before == null || before.state() != result.state())) {
      log.atWarn()
          .addKeyValue("upstream", target.name())
          .addKeyValue("state", result.state())
          .log(result.problem());
    }
    return result;
  }

  private Result failed(Target target, int status, String kind) {
    Instant at = clock.instant();
    String time = TIME.format(at) + " UTC";
    if (status == 401 || status == 403) {
      return new Result(
          target,
          at,
          State.REFUSED,
          target.upstream()
              + " refused "
              + target.credential()
              + " ("
              + status
              + ") at "
              + time
              + ": "
              + target.fix());
    }
    if (status == 0 || status >= 500 || status == 429) {
      return new Result(
          target,
          at,
          State.UNREACHABLE,
          target.upstream()
              + " could not be reached at "
              + time
              + " ("
              + (status == 0 ? kind : "HTTP " + status)
              + "): its work waits and is retried; check the network and "
              + target.upstream()
              + "'s status");
    }
    return new Result(
        target,
        at,
        State.FAILED,
        target.upstream()
            + " answered HTTP "
            + status
            + " at "
            + time
            + " ("
            + kind
            + "): check "
            + target.setting()
            + "; the next probe tries again");
  }

  /** Every target's last result, in target order; targets not probed yet are left out. */
  public List<Result> results() {
    List<Result> list = new ArrayList<>();
    for (Target target : targets) {
      Result result = results.get(target.name());
      if (result != null) {
        list.add(result);
      }
    }
    return list;
  }

  /** The problems of the workspace's upstreams (its Credly organization, the shared GHL token). */
  public List<String> problems(WorkspaceId workspace) {
    return results().stream()
        .filter(result -> result.problem() != null)
        .filter(
            result ->
                result.target().workspace() == null
                    || workspace.equals(result.target().workspace()))
        .map(result -> String.valueOf(result.problem()))
        .toList();
  }

  /** The problem of the named target when its last call ended in {@code state}. */
  public Optional<String> problem(String name, State state) {
    Result result = results.get(name);
    return result != null && result.state() == state
        ? Optional.ofNullable(result.problem())
        : Optional.empty();
  }

  /** The problems of every target whose last call failed other than by a refusal. */
  public List<String> unavailable() {
    return results().stream()
        .filter(result -> result.state() == State.UNREACHABLE || result.state() == State.FAILED)
        .map(result -> String.valueOf(result.problem()))
        .toList();
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }
}

package io.ghlcredly.app;

import io.ghlcredly.app.config.AppConfig;
import io.ghlcredly.app.config.ConfigLoader;
import io.ghlcredly.app.config.WorkspaceConfig;
import io.ghlcredly.core.error.ConfigException;
import io.ghlcredly.core.error.ConfigException.ConfigProblem;
import io.ghlcredly.core.mapping.RuleSet;
import io.ghlcredly.core.model.WorkspaceId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the rules and mapping in force in step with the configuration file, without a restart.
 *
 * <p>Every interval it reads the file and compares a SHA-256 of its bytes with the last one seen;
 * polling the content (rather than a {@code WatchService}) also follows editors and deploy tools
 * that replace the file by a rename, symlink swaps, and file systems that send no events. On a
 * change the whole file is loaded with {@link ConfigLoader}: when valid, the new {@link RuleSet}
 * replaces the old one at once; when not, the last good rules stay in force and one WARN lists the
 * problems with their paths, until the file changes again. Only {@code rules} and {@code mapping}
 * are applied, of every workspace the service runs: a change to another section (a workspace's
 * Credly connection, its locations, a workspace added or removed) is logged as needing a restart.
 *
 * <p>Thread-safe: {@link #rules} may be called from any thread while the poller runs.
 */
public final class RulesReloader implements WorkspaceRules, Supplier<RuleSet>, AutoCloseable {
  /** How often the file is read when no other interval is given. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(3);

  private static final Logger log = LoggerFactory.getLogger(RulesReloader.class);
  private static final String FILE_PATH = "(file)";

  private final Path file;
  private final Map<String, String> env;
  private final InstantSource clock;
  private final Duration interval;
  private final AppConfig running;
  private final AtomicReference<Map<WorkspaceId, RuleSet>> rules;
  private final ScheduledExecutorService executor;
  private final Object pollLock = new Object();
  private byte @Nullable [] lastDigest;
  private volatile @Nullable String lastError;
  private volatile Instant loadedAt;
  private volatile Set<String> restartNeeded = Set.of();
  private @Nullable ScheduledFuture<?> polling;

  /**
   * @param file the configuration file {@code running} was loaded from
   * @param env the environment it was loaded with
   * @param running the configuration the process runs: its rules are in force until a reload
   * @param interval how often to look at the file
   */
  public RulesReloader(
      Path file,
      Map<String, String> env,
      AppConfig running,
      InstantSource clock,
      Duration interval) {
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("interval must be positive: " + interval);
    }
    this.file = file;
    this.env = Map.copyOf(env);
    this.clock = clock;
    this.interval = interval;
    this.running = running;
    this.rules = new AtomicReference<>(rulesOf(running));
    this.loadedAt = clock.instant();
    this.lastDigest = digestOf(file);
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "rules-reloader");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts watching the file. */
  public synchronized void start() {
    if (polling == null) {
      long millis = interval.toMillis();
      polling =
          executor.scheduleWithFixedDelay(this::pollSafely, millis, millis, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * The rules and mapping in force of the only workspace.
   *
   * @throws IllegalStateException when the service runs several workspaces
   */
  @Override
  public RuleSet get() {
    Map<WorkspaceId, RuleSet> current = rules.get();
    if (current.size() != 1) {
      throw new IllegalStateException("several workspaces: name one");
    }
    return current.values().iterator().next();
  }

  /** The rules and mapping in force in the workspace (empty for a workspace the file lacks). */
  @Override
  public RuleSet rules(WorkspaceId workspace) {
    return rules.get().getOrDefault(workspace, RuleSet.empty());
  }

  /** The problems of the file as last read, one per line, when they kept it from loading. */
  public Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }

  /** When the rules in force were loaded. */
  public Instant loadedAt() {
    return loadedAt;
  }

  /** Sections changed in the file that apply only after a restart; empty when none. */
  public Set<String> restartNeeded() {
    return restartNeeded;
  }

  /**
   * Looks at the file now and reloads it if it changed.
   *
   * @return whether new rules were put in force
   */
  public boolean reloadIfChanged() {
    synchronized (pollLock) {
      byte[] digest = digestOf(file);
      if (digest == null || Arrays.equals(digest, lastDigest)) {
        return false;
      }
      try {
        AppConfig config = ConfigLoader.load(file, env);
        lastDigest = digest;
        apply(config);
        return true;
      } catch (ConfigException e) {
        if (!unreadable(e.problems())) {
          lastDigest = digest;
          reject(e.problems());
        }
        return false;
      }
    }
  }

  @Override
  public synchronized void close() {
    executor.shutdownNow();
  }

  private void pollSafely() {
    try {
      reloadIfChanged();
    } catch (RuntimeException e) {
      // Never let one bad poll end the schedule.
      log.atWarn().setCause(e).addKeyValue("file", file).log("configuration reload failed");
    }
  }

  private void apply(AppConfig config) {
    // Only the workspaces the service runs get new rules; one added to the file waits for a
    // restart.
    Map<WorkspaceId, RuleSet> next = new LinkedHashMap<>(rules.get());
    rulesOf(config).forEach((id, ruleSet) -> next.computeIfPresent(id, (known, old) -> ruleSet));
    rules.set(Map.copyOf(next));
    loadedAt = clock.instant();
    lastError = null;
    log.atInfo()
        .addKeyValue("file", file)
        .addKeyValue("rules", next.values().stream().mapToInt(set -> set.rules().size()).sum())
        .addKeyValue("workspaces", next.size())
        .log("rules and mapping reloaded");
    Set<String> changed = changedSections(config);
    if (!changed.isEmpty() && !changed.equals(restartNeeded)) {
      log.atWarn()
          .addKeyValue("file", file)
          .addKeyValue("sections", String.join(",", changed))
          .log("configuration changed outside rules and mapping: restart to apply it");
    }
    restartNeeded = changed;
  }

  private void reject(List<ConfigProblem> problems) {
    String text =
        problems.stream()
            .map(problem -> problem.path() + ": " + problem.reason())
            .collect(Collectors.joining("\n"));
    lastError = text;
    log.atWarn()
        .addKeyValue("file", file)
        .addKeyValue("problems", problems.size())
        .log("configuration not reloaded, the last good rules stay in force:\n{}", text);
  }

  /** The sections other than rules and mapping that differ from what the process runs. */
  private Set<String> changedSections(AppConfig config) {
    Map<String, Boolean> same = new LinkedHashMap<>();
    same.put("server", Objects.equals(config.server(), running.server()));
    same.put("storage", Objects.equals(config.storage(), running.storage()));
    same.put("secrets", Objects.equals(config.secrets(), running.secrets()));
    same.put("ghl", Objects.equals(config.ghl(), running.ghl()));
    same.put(
        config.implicitWorkspace() && running.implicitWorkspace() ? "credly" : "workspaces",
        Objects.equals(withoutRules(config), withoutRules(running)));
    same.put("jobs", Objects.equals(config.jobs(), running.jobs()));
    Set<String> changed = new LinkedHashSet<>();
    same.forEach(
        (section, equal) -> {
          if (!equal) {
            changed.add(section);
          }
        });
    return java.util.Collections.unmodifiableSet(changed);
  }

  private static Map<WorkspaceId, RuleSet> rulesOf(AppConfig config) {
    Map<WorkspaceId, RuleSet> byWorkspace = new LinkedHashMap<>();
    config.workspaces().forEach(workspace -> byWorkspace.put(workspace.id(), workspace.rules()));
    return Map.copyOf(byWorkspace);
  }

  /** The workspaces as a restart would change them: everything but their rules and mapping. */
  private static List<WorkspaceConfig> withoutRules(AppConfig config) {
    return config.workspaces().stream()
        .map(
            workspace ->
                new WorkspaceConfig(
                    workspace.id(),
                    workspace.name(),
                    workspace.locations(),
                    workspace.credly(),
                    RuleSet.empty(),
                    workspace.implicit()))
        .toList();
  }

  /** A file caught mid-replace reads as missing: look again next time rather than report it. */
  private static boolean unreadable(List<ConfigProblem> problems) {
    return problems.stream()
        .anyMatch(p -> p.path().equals(FILE_PATH) && p.reason().startsWith("cannot read"));
  }

  private static byte @Nullable [] digestOf(Path file) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    } catch (IOException e) {
      log.atDebug().addKeyValue("file", file).log("configuration file not readable now");
      return null;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }
}

package io.ghlcredly.app.demo;

import io.ghlcredly.app.Application;
import io.ghlcredly.app.config.AppConfig;
import io.ghlcredly.app.config.ConfigLoader;
import io.ghlcredly.core.model.OperatorRole;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.storage.JobQueueSettings;
import io.ghlcredly.testkit.credly.BadgeTemplate;
import io.ghlcredly.testkit.credly.CredlyEmulator;
import io.ghlcredly.testkit.credly.CredlyOrganization;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import io.ghlcredly.web.operators.InviteResult;
import io.ghlcredly.web.operators.OperatorServices;
import io.ghlcredly.web.operators.SetPasswordResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything the demo runs on, and what end-to-end tests run on: a GHL emulator, a Credly emulator
 * and the engine on embedded H2 in a given folder, configured by a real YAML file written there.
 * Tests start one location (Private Integration Token) with one badge template; the demo starts an
 * agency's academies ({@link #startAcademies}): two workspaces, each with its own location and
 * Credly organization, over an OAuth install. The file works on its own: its secrets (the
 * emulators' tokens or client secret, and a random admin token) are owner-only files beside it,
 * named by {@code …-file:} keys, so that any command can be pointed at it ({@code ghl-credly
 * dead-letters list -c FOLDER/ghl-credly.yaml}) and goes through the engine's admin API while it
 * runs. The engine can be stopped and started again on the same data, as after a crash or a deploy.
 * Not thread-safe: one driver at a time.
 */
public final class DemoEnvironment implements AutoCloseable {
  /** The tag whose rule issues the demo badge. */
  public static final String TAG = "course-101-complete";

  /** How often the demo's reconciliation pass runs unless a test asks for another delay. */
  public static final Duration RECONCILE_EVERY = Duration.ofMinutes(1);

  private static final Duration FIRST_RECONCILIATION_WAIT = Duration.ofSeconds(30);

  /** The file in the demo folder that holds the admin token, for signing in to the dashboard. */
  public static final String ADMIN_TOKEN_FILE = "admin-token";

  /** The configuration file in the demo folder. */
  public static final String CONFIG_FILE = "ghl-credly.yaml";

  static final String GHL_TOKEN_FILE = "ghl-token";
  static final String CREDLY_TOKEN_FILE = "credly-token";

  /** The GHL marketplace app's client secret, in the academies' configuration (OAuth mode). */
  static final String GHL_CLIENT_SECRET_FILE = "ghl-client-secret";

  /** The first academy's name, also its GHL location's. */
  public static final String NORTH = "North Academy";

  /** The second academy's name, also its GHL location's. */
  public static final String SOUTH = "South Academy";

  /** The name of the GHL location that is in no workspace. */
  public static final String UNASSIGNED_NAME = "West Academy";

  /** The demo's admin operator, who signs in to the dashboard. */
  public static final String ADMIN_EMAIL = "admin@demo.example";

  /** Holds the admin operator's random password (owner-only), for a person trying the demo. */
  public static final String ADMIN_PASSWORD_FILE = "admin-password";

  private final Path folder;
  private final GhlEmulator ghl;
  private boolean firstPassDone;
  private final CredlyEmulator credly;
  private final BadgeTemplate template;
  private final List<Academy> academies;
  private final @Nullable String unassignedLocation;
  private final AppConfig config;
  private final JobQueueSettings jobSettings;
  private final boolean credlyWebhooks;
  private final Secret adminToken;
  private volatile @Nullable Secret adminPassword;
  private @Nullable Application application;

  private DemoEnvironment(
      Path folder,
      GhlEmulator ghl,
      CredlyEmulator credly,
      BadgeTemplate template,
      Agency agency,
      AppConfig config,
      JobQueueSettings jobSettings,
      boolean credlyWebhooks,
      Secret adminToken) {
    this.folder = folder;
    this.academies = agency.academies();
    this.unassignedLocation = agency.unassignedLocation();
    this.adminToken = adminToken;
    this.credlyWebhooks = credlyWebhooks;
    this.ghl = ghl;
    this.credly = credly;
    this.template = template;
    this.config = config;
    this.jobSettings = jobSettings;
  }

  /** Job settings that make the demo brisk: fast polling, quick dead-execution detection. */
  public static JobQueueSettings briskJobs(int workers, Duration shutdownWait) {
    return new JobQueueSettings(
        workers,
        Duration.ofMillis(100),
        Duration.ofSeconds(1),
        Duration.ofSeconds(5),
        shutdownWait);
  }

  /** Starts the emulators and the engine, with data and configuration in {@code folder}. */
  public static DemoEnvironment start(Path folder, Duration shutdownWait) {
    return start(folder, shutdownWait, null);
  }

  /**
   * As {@link #start(Path, Duration)}; the reconciliation pass polls the emulator's location every
   * {@code reconcileEvery}, or every {@link #RECONCILE_EVERY} when null.
   */
  public static DemoEnvironment start(
      Path folder, Duration shutdownWait, @Nullable Duration reconcileEvery) {
    return start(folder, shutdownWait, reconcileEvery, Extras.NONE);
  }

  /**
   * More configuration for tests of the engine's flows.
   *
   * @param topLevelYaml sections added at the top level, such as {@code mapping:}
   * @param rulesYaml rule list items added after the demo's rule, indented by two spaces
   * @param env environment variables, such as {@code GCS_CREDLY_RECORDS} overrides
   * @param storageUrl the database instead of the folder's embedded H2 (a PostgreSQL schema)
   */
  public record Extras(
      String topLevelYaml, String rulesYaml, Map<String, String> env, @Nullable String storageUrl) {
    public static final Extras NONE = new Extras("", "", Map.of());

    public Extras {
      env = Map.copyOf(env);
    }

    public Extras(String topLevelYaml, String rulesYaml, Map<String, String> env) {
      this(topLevelYaml, rulesYaml, env, null);
    }

    /** The same on another database, written into the configuration file. */
    public Extras onStorage(String url) {
      return new Extras(topLevelYaml, rulesYaml, env, url);
    }

    /** Whether rules or settings beyond the demo's were added. */
    boolean addsConfiguration() {
      return !topLevelYaml.isEmpty() || !rulesYaml.isEmpty() || !env.isEmpty();
    }
  }

  /** As {@link #start(Path, Duration, Duration)}, with more configuration. */
  public static DemoEnvironment start(
      Path folder, Duration shutdownWait, @Nullable Duration reconcileEvery, Extras extras) {
    GhlEmulator ghl = GhlEmulator.start();
    CredlyEmulator credly = CredlyEmulator.start();
    try {
      BadgeTemplate template = credly.seedTemplate("Course 101 Complete");
      DemoConfigYaml.Common common = common(folder, ghl, reconcileEvery, extras.storageUrl());
      DemoFiles.write(
          folder.resolve(CONFIG_FILE),
          DemoConfigYaml.singleLocation(common, credly, template)
              + extras.rulesYaml()
              + "\n"
              + extras.topLevelYaml());
      DemoFiles.writeSecret(folder.resolve(GHL_TOKEN_FILE), ghl.accessToken());
      DemoFiles.writeSecret(folder.resolve(CREDLY_TOKEN_FILE), credly.authToken());
      return launch(
          folder,
          ghl,
          credly,
          template,
          Agency.NONE,
          extras.env(),
          shutdownWait,
          // Credly's webhooks reach the engine only when a test's rules act on them.
          extras.addsConfiguration());
    } catch (RuntimeException e) {
      ghl.close();
      credly.close();
      throw e;
    }
  }

  /**
   * The demo's agency: the academies {@link #NORTH} and {@link #SOUTH}, each a workspace with its
   * own GHL location, Credly organization, template and rule on {@link #TAG}, and the location
   * {@value #UNASSIGNED_NAME} in no workspace. GHL runs in OAuth mode: the demo's admin operator
   * installs the app for the whole company (every location connected), as an agency would.
   */
  public static DemoEnvironment startAcademies(Path folder, Duration shutdownWait) {
    GhlEmulator ghl = GhlEmulator.start();
    CredlyEmulator credly = CredlyEmulator.start();
    try {
      ghl.renameLocation(ghl.locationId(), NORTH);
      Academy north =
          academy(credly, "north", NORTH, ghl.locationId(), "Course 101 Graduate", "course-101");
      Academy south =
          academy(
              credly, "south", SOUTH, ghl.addLocation(SOUTH), "Nursing Basics", "nursing-basics");
      Agency agency = new Agency(List.of(north, south), ghl.addLocation(UNASSIGNED_NAME));
      DemoConfigYaml.Common common = common(folder, ghl, null, null);
      DemoFiles.write(
          folder.resolve(CONFIG_FILE),
          DemoConfigYaml.academies(common, credly.baseUrl(), agency.academies()));
      DemoFiles.writeSecret(folder.resolve(GHL_CLIENT_SECRET_FILE), ghl.oauth().clientSecret());
      for (Academy academy : agency.academies()) {
        DemoFiles.writeSecret(
            folder.resolve(academy.tokenFile()), academy.organization().authToken());
      }
      DemoEnvironment environment =
          launch(folder, ghl, credly, north.template(), agency, Map.of(), shutdownWait, false);
      environment.installForTheAgency();
      return environment;
    } catch (RuntimeException e) {
      ghl.close();
      credly.close();
      throw e;
    }
  }

  /** The academies and the location in no workspace; none for the single-location layout. */
  private record Agency(List<Academy> academies, @Nullable String unassignedLocation) {
    static final Agency NONE = new Agency(List.of(), null);
  }

  private static Academy academy(
      CredlyEmulator credly,
      String workspace,
      String name,
      String location,
      String templateName,
      String rule) {
    CredlyOrganization organization = credly.addOrganization(name + " Credly");
    return new Academy(
        workspace, name, location, organization, organization.seedTemplate(templateName), rule);
  }

  private static DemoConfigYaml.Common common(
      Path folder,
      GhlEmulator ghl,
      @Nullable Duration reconcileEvery,
      @Nullable String otherStorage) {
    String storageUrl =
        otherStorage != null
            ? otherStorage
            : "jdbc:h2:file:" + folder.resolve("ghl-credly").toAbsolutePath();
    // Like every configuration that receives webhooks, the demo reconciles: lost ones are found.
    Duration every = reconcileEvery == null ? RECONCILE_EVERY : reconcileEvery;
    return new DemoConfigYaml.Common(folder, freePort(), storageUrl, ghl, every);
  }

  /** Loads the written configuration and starts the engine with an admin operator. */
  private static DemoEnvironment launch(
      Path folder,
      GhlEmulator ghl,
      CredlyEmulator credly,
      BadgeTemplate template,
      Agency agency,
      Map<String, String> env,
      Duration shutdownWait,
      boolean credlyWebhooks) {
    // Owner-only files the configuration names: it works without any environment, from any
    // terminal. The admin token is also for a person signing in to the dashboard; never printed.
    Secret adminToken = randomToken();
    DemoFiles.writeSecret(folder.resolve(ADMIN_TOKEN_FILE), adminToken);
    AppConfig config = ConfigLoader.load(folder.resolve(CONFIG_FILE), env);
    DemoEnvironment environment =
        new DemoEnvironment(
            folder,
            ghl,
            credly,
            template,
            agency,
            config,
            briskJobs(config.jobs().workers(), shutdownWait),
            credlyWebhooks,
            adminToken);
    environment.startEngine();
    environment.addAdminOperator();
    return environment;
  }

  /**
   * The agency's admin (the demo's admin operator) installs the app for the company, so that every
   * location gets its token; fails unless each one did.
   */
  private void installForTheAgency() {
    ghl.oauth().consentAs(ghl.oauth().companyId());
    AgencyInstall.run(
        URI.create("http://127.0.0.1:" + engine().port()), ADMIN_EMAIL, adminPassword());
    for (String location : ghl.locationIds()) {
      if (!ghl.oauth().installedOn(location)) {
        throw new IllegalStateException("the agency install did not reach location " + location);
      }
    }
  }

  /** The academies (workspaces), North first; empty for the single-location layout. */
  public List<Academy> academies() {
    return academies;
  }

  /** The GHL location in no workspace, if the layout has one. */
  public Optional<String> unassignedLocation() {
    return Optional.ofNullable(unassignedLocation);
  }

  /** An admin operator with a random password, as `operators add` and the welcome link make one. */
  private void addAdminOperator() {
    OperatorServices services = DemoOperators.services(engine().database(), InstantSource.system());
    InviteResult invited =
        services.operators().invite(ADMIN_EMAIL, "Demo admin", OperatorRole.ADMIN, "demo");
    if (!(invited instanceof InviteResult.Invited link)) {
      throw new IllegalStateException("the demo cannot add its admin operator: " + invited);
    }
    String password = randomToken().reveal();
    if (!(services.passwords().setPasswordWithInvite(link.token(), password)
        instanceof SetPasswordResult.PasswordSet)) {
      throw new IllegalStateException("the demo cannot set its admin operator's password");
    }
    adminPassword = Secret.of(password);
    DemoFiles.writeSecret(folder.resolve(ADMIN_PASSWORD_FILE), adminPassword);
  }

  /** The demo admin operator's password. */
  public Secret adminPassword() {
    Secret password = adminPassword;
    if (password == null) {
      throw new IllegalStateException("no admin operator yet");
    }
    return password;
  }

  /** Starts the engine (again) on the same data and points GHL's webhooks at it. */
  public void startEngine() {
    if (application != null) {
      throw new IllegalStateException("the engine is already running");
    }
    Application started = Application.start(config, jobSettings, InstantSource.system());
    application = started;
    awaitFirstReconciliation(started);
    ghl.sendWebhooksTo(URI.create("http://127.0.0.1:" + started.port() + "/webhooks/ghl"));
    if (credlyWebhooks) {
      credly.sendWebhooksTo(URI.create("http://127.0.0.1:" + started.port() + "/webhooks/credly"));
    }
  }

  /**
   * On a new database the reconciliation pass runs at once. Waiting for it keeps it from racing
   * with what the scenario or a test changes next: the following pass comes a whole interval later.
   * An engine started again on the same data runs its next pass an interval later: no wait then.
   */
  private void awaitFirstReconciliation(Application started) {
    if (!config.ghl().reconcile().enabled() || firstPassDone) {
      return;
    }
    Polling.until(FIRST_RECONCILIATION_WAIT, () -> started.reconcilePassesDone() > 0);
    firstPassDone = true;
  }

  /** Stops the engine as a deploy or crash would, leaving queued work in the database. */
  public void stopEngine() {
    Application running = application;
    application = null;
    if (running != null) {
      running.close();
    }
  }

  public Application engine() {
    Application running = application;
    if (running == null) {
      throw new IllegalStateException("the engine is stopped");
    }
    return running;
  }

  public GhlEmulator ghl() {
    return ghl;
  }

  public CredlyEmulator credly() {
    return credly;
  }

  public BadgeTemplate template() {
    return template;
  }

  public Path folder() {
    return folder;
  }

  /** The admin token of the demo's admin API and dashboard (random per environment). */
  public Secret adminToken() {
    return adminToken;
  }

  /** The configuration file: commands pointed at it reach this engine while it runs. */
  public Path configFile() {
    return folder.resolve(CONFIG_FILE);
  }

  /** 32 random bytes: 43 characters, strong enough for {@code server.admin-token}. */
  private static Secret randomToken() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Secret.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port for the demo", e);
    }
  }

  @Override
  public void close() {
    stopEngine();
    ghl.close();
    credly.close();
  }
}

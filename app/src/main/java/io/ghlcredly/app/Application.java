package io.ghlcredly.app;

import io.ghlcredly.app.admin.AdminRoutes;
import io.ghlcredly.app.admin.ReadScopes;
import io.ghlcredly.app.config.AppConfig;
import io.ghlcredly.app.config.DurationText;
import io.ghlcredly.app.config.GhlConfig;
import io.ghlcredly.app.config.JobsConfig;
import io.ghlcredly.app.config.ServerConfig;
import io.ghlcredly.app.config.WebhookConfig;
import io.ghlcredly.app.config.WorkspaceConfig;
import io.ghlcredly.app.metrics.AppMetrics;
import io.ghlcredly.app.metrics.CredlyTokenCheck;
import io.ghlcredly.app.metrics.DatabaseCheck;
import io.ghlcredly.app.metrics.GhlAccountsCheck;
import io.ghlcredly.app.metrics.ReadinessCheck;
import io.ghlcredly.app.metrics.StorageQueueProbe;
import io.ghlcredly.app.operations.DefaultLocation;
import io.ghlcredly.app.remote.OperatorEndpoints;
import io.ghlcredly.app.remote.ServiceRuntimeFile;
import io.ghlcredly.app.web.CredlyWebhookRoute;
import io.ghlcredly.app.web.GhlWebhookRoute;
import io.ghlcredly.app.web.HealthRoute;
import io.ghlcredly.app.web.MetricsRoutes;
import io.ghlcredly.app.web.RouteKeys;
import io.ghlcredly.app.web.TokenStoreAccountEvents;
import io.ghlcredly.app.web.oauth.GhlOAuthCallbackRoute;
import io.ghlcredly.app.workspace.DirectoryLabels;
import io.ghlcredly.app.workspace.HeldEvents;
import io.ghlcredly.app.workspace.LocationNaming;
import io.ghlcredly.app.workspace.ProbedCheck;
import io.ghlcredly.app.workspace.UpstreamProbe;
import io.ghlcredly.app.workspace.WorkspaceCheck;
import io.ghlcredly.app.workspace.WorkspaceDirectory;
import io.ghlcredly.app.workspace.WorkspaceHealth;
import io.ghlcredly.app.workspace.WorkspaceRuntime;
import io.ghlcredly.core.job.RetryClassifier;
import io.ghlcredly.core.mapping.RuleSet;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.WorkspaceId;
import io.ghlcredly.core.port.ContactDirectory;
import io.ghlcredly.core.port.CrmGateway;
import io.ghlcredly.core.port.TokenStore;
import io.ghlcredly.core.sync.ContactPlanner;
import io.ghlcredly.core.sync.ContactSyncHandler;
import io.ghlcredly.core.sync.EventIntake;
import io.ghlcredly.core.sync.PendingEventSweeper;
import io.ghlcredly.core.sync.Reconciler;
import io.ghlcredly.core.sync.SyncCounters;
import io.ghlcredly.core.sync.SyncPorts;
import io.ghlcredly.credly.CredlyTokenHealth;
import io.ghlcredly.credly.webhook.CredlyWebhookDispatcher;
import io.ghlcredly.ghl.webhook.GhlWebhookKeys;
import io.ghlcredly.ghl.webhook.GhlWebhookParser;
import io.ghlcredly.ghl.webhook.GhlWebhookVerifier;
import io.ghlcredly.storage.Database;
import io.ghlcredly.storage.DatabaseSettings;
import io.ghlcredly.storage.DbSchedulerJobQueue;
import io.ghlcredly.storage.JdbcAccountEventLog;
import io.ghlcredly.storage.JdbcActionJournal;
import io.ghlcredly.storage.JdbcAdminSessionStore;
import io.ghlcredly.storage.JdbcChangeLog;
import io.ghlcredly.storage.JdbcCursorStore;
import io.ghlcredly.storage.JdbcDeadLetterStore;
import io.ghlcredly.storage.JdbcEventInbox;
import io.ghlcredly.storage.JdbcIntakeStore;
import io.ghlcredly.storage.JdbcIssuanceLedger;
import io.ghlcredly.storage.JdbcLocationNames;
import io.ghlcredly.storage.JdbcOperatorStore;
import io.ghlcredly.storage.JdbcSecretStore;
import io.ghlcredly.storage.JdbcSyncStateStore;
import io.ghlcredly.storage.JdbcTokenStore;
import io.ghlcredly.storage.JdbcWorkspaceStore;
import io.ghlcredly.storage.JobQueueSettings;
import io.ghlcredly.storage.SecretCipher;
import io.ghlcredly.storage.SecretKeyCheck;
import io.ghlcredly.web.ApiEndpoint;
import io.ghlcredly.web.Endpoint;
import io.ghlcredly.web.NeutralRoutes;
import io.ghlcredly.web.WebServer;
import io.ghlcredly.web.WebSettings;
import io.ghlcredly.web.WebhookResponse;
import io.ghlcredly.web.admin.InstallStart;
import io.ghlcredly.web.operators.OperatorCommands;
import io.ghlcredly.web.operators.Operators;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service, wired by hand: storage, connectors, engine, job workers and the HTTP server.
 * {@link #start} brings everything up in dependency order; {@link #close} stops intake first, then
 * the workers (letting running jobs finish), then storage.
 */
public final class Application implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Application.class);
  private static final Duration SWEEP_GRACE = Duration.ofSeconds(30);

  /** The db-scheduler task name of the reconciliation pass. */
  public static final String RECONCILE_TASK = "ghl-reconcile";

  private final Database database;
  private final DbSchedulerJobQueue jobs;
  private final @Nullable WebServer web;
  private final @Nullable OperatorEndpoints operatorEndpoints;
  private final ServiceRuntimeFile.Published runtimeFile;
  private final EventIntake intake;
  private final CrmGateway crm;
  private final ContactDirectory directory;
  private final ContactPlanner planner;
  private final SyncCounters counters;
  private final Stores stores;
  private final AtomicLong reconcilePasses;
  private final WorkspaceRuntime workspaces;
  private final HeldEvents held;
  private final UpstreamProbe probe;

  private Application(
      Database database,
      DbSchedulerJobQueue jobs,
      @Nullable WebServer web,
      @Nullable OperatorEndpoints operatorEndpoints,
      ServiceRuntimeFile.Published runtimeFile,
      SyncCounters counters,
      Stores stores,
      EventIntake intake,
      CrmGateway crm,
      ContactDirectory directory,
      ContactPlanner planner,
      AtomicLong reconcilePasses,
      WorkspaceRuntime workspaces,
      HeldEvents held,
      UpstreamProbe probe) {
    this.probe = probe;
    this.database = database;
    this.jobs = jobs;
    this.web = web;
    this.operatorEndpoints = operatorEndpoints;
    this.runtimeFile = runtimeFile;
    this.intake = intake;
    this.crm = crm;
    this.directory = directory;
    this.planner = planner;
    this.counters = counters;
    this.stores = stores;
    this.reconcilePasses = reconcilePasses;
    this.workspaces = workspaces;
    this.held = held;
  }

  /**
   * The job queue settings the configuration asks for: {@code jobs.workers} threads, heartbeats of
   * {@code jobs.heartbeat}, failover after {@code jobs.missed-heartbeats} of them, and jobs that
   * wait {@code jobs.settle} for the rest of a burst.
   */
  public static JobQueueSettings jobSettings(AppConfig config) {
    JobsConfig jobs = config.jobs();
    return JobQueueSettings.defaults()
        .withThreads(jobs.workers())
        .withHeartbeat(jobs.heartbeat(), jobs.missedHeartbeats())
        .withSettle(jobs.settle());
  }

  /** Starts the service with the given configuration and job settings. */
  public static Application start(
      AppConfig config, JobQueueSettings jobSettings, InstantSource clock) {
    return start(config, jobSettings, clock, Role.SERVE);
  }

  /** How much of the service an instance runs. */
  public enum Role {
    /** Everything: webhook endpoint, job workers, health. */
    SERVE,
    /** The job workers without the HTTP server: an operator command (import) applying its work. */
    WORKERS,
    /** Neither workers nor server: an operator command that only reads (plan). */
    READ_ONLY
  }

  /** Starts the given part of the service, with the configuration's rules. */
  public static Application start(
      AppConfig config, JobQueueSettings jobSettings, InstantSource clock, Role role) {
    return start(
        config,
        jobSettings,
        clock,
        role,
        workspace ->
            config.workspace(workspace).map(WorkspaceConfig::rules).orElse(RuleSet.empty()));
  }

  /**
   * Starts the given part of the service with rules that may change while it runs (a {@link
   * RulesReloader}); every job reads the rules of its contact's workspace in force when it starts.
   */
  public static Application start(
      AppConfig config,
      JobQueueSettings jobSettings,
      InstantSource clock,
      Role role,
      WorkspaceRules rules) {
    Database database = Database.open(databaseSettings(config));
    try {
      return wire(config, database, jobSettings, clock, role, rules);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  private static Application wire(
      AppConfig config,
      Database database,
      JobQueueSettings jobSettings,
      InstantSource clock,
      Role role,
      WorkspaceRules rules) {
    AppMetrics metrics = AppMetrics.create();
    String instance = InstanceName.of(config.server());
    InstanceLogField.set(instance);
    String keyVariable = config.secrets().keyFromEnv();
    SecretCipher cipher =
        SecretCipher.load(
            config.secrets().keyFile(), keyVariable == null ? null : System.getenv(keyVariable));
    SecretKeyCheck.verify(database, cipher, clock);
    Stores stores =
        new Stores(
            new JdbcEventInbox(database),
            new JdbcSyncStateStore(database),
            new JdbcIssuanceLedger(database),
            new JdbcDeadLetterStore(database),
            new JdbcSecretStore(database, cipher, clock),
            new JdbcCursorStore(database, clock),
            new JdbcActionJournal(database));
    JdbcTokenStore tokens = new JdbcTokenStore(database, cipher, clock);
    GhlConnection ghl =
        GhlConnection.wire(
            config.ghl(),
            config.server(),
            database,
            tokens,
            clock,
            metrics.calls(),
            metrics.rateWaits());
    CrmGateway crm = ghl.crm();
    SyncCounters counters = new SyncCounters(metrics.sync());
    RetryClassifier classifier =
        new RetryClassifier(config.jobs().retryPolicy(), RandomGenerator.getDefault());
    DbSchedulerJobQueue jobs =
        DbSchedulerJobQueue.create(database, jobSettings, clock, metrics.jobs(), instance);
    metrics.watchQueue(new StorageQueueProbe(jobs, new JdbcEventInbox(database)), clock);
    SyncPorts ports =
        new SyncPorts(stores.inbox(), crm, stores.state(), stores.ledger(), stores.deadLetters());
    // Each workspace: its own Credly organization, rules and engine; GHL and the stores shared.
    JdbcWorkspaceStore workspaceStore = new JdbcWorkspaceStore(database);
    WorkspaceDirectory directory = new WorkspaceDirectory(config, workspaceStore, clock);
    WorkspaceRuntime workspaces =
        WorkspaceRuntime.start(
            config,
            directory,
            rules,
            new WorkspaceRuntime.Shared(
                ports,
                ghl.writer(),
                stores.journal(),
                stores.secrets(),
                classifier,
                counters,
                metrics.calls(),
                clock));
    metrics.labelWorkspaces(new DirectoryLabels(directory));
    ContactSyncHandler handler =
        new ContactSyncHandler(ports, ghl.writer(), workspaces, counters, clock);
    // Group commit: concurrent webhooks' events and jobs are stored in one transaction.
    EventIntake intake =
        new EventIntake(
            new JdbcIntakeStore(database, new JdbcEventInbox(database), jobs), counters, clock);
    PendingEventSweeper sweeper = new PendingEventSweeper(stores.inbox(), jobs, clock, SWEEP_GRACE);
    ContactPlanner planner = workspaces.planner();
    HeldEvents held = new HeldEvents(stores.inbox(), jobs, workspaces);
    // One cheap authenticated call per upstream, at start and every minute (SERVE only).
    String tokenLocation = config.ghl().privateTokenLocation();
    UpstreamProbe probe =
        new UpstreamProbe(
            UpstreamProbe.targets(
                config,
                workspaces,
                tokenLocation == null
                    ? null
                    : () -> ghl.locationNames().apply(new LocationId(tokenLocation))),
            clock,
            UpstreamProbe.configuredInterval());
    WorkspaceHealth health =
        new WorkspaceHealth(directory, workspaces.tokenHealth(), tokens, probe);
    CredlyTokenHealth firstToken = workspaces.workspaces().get(0).credly().tokenHealth();
    LocationNaming naming =
        new LocationNaming(new JdbcLocationNames(database), ghl.locationNames(), clock);
    AtomicLong reconcilePasses = new AtomicLong();
    Serving application =
        (server, contributed, file) ->
            new Application(
                database,
                jobs,
                server,
                contributed,
                file,
                counters,
                stores,
                intake,
                crm,
                ghl.directory(),
                planner,
                reconcilePasses,
                workspaces,
                held,
                probe);
    if (role == Role.READ_ONLY) {
      return application.create(null, null, () -> {});
    }
    jobs.start(
        handler,
        classifier,
        sweeper::sweep,
        recurring(config, ghl, stores, intake, clock, reconcilePasses));
    // Held events of locations this configuration now serves go back to work.
    held.releaseServed();
    if (role == Role.WORKERS) {
      return application.create(null, null, () -> {});
    }
    nameLocations(naming, ghl, directory);
    probe.start();

    WebhookConfig hooks = config.ghl().webhooks();
    GhlWebhookVerifier verifier =
        new GhlWebhookVerifier(
            webhookKeys(hooks),
            hooks.acceptLegacyRsa(),
            hooks.maxAge(),
            config.server().maxWebhookBytes(),
            clock);
    NeutralRoutes neutral = new NeutralRoutes(webSettings(config.server()));
    List<Endpoint> endpoints = new ArrayList<>();
    endpoints.add(
        Endpoint.publicRoute(
            HandlerType.POST,
            "/webhooks/ghl",
            neutral.withBody(
                new GhlWebhookRoute(
                    verifier,
                    new GhlWebhookParser(),
                    intake,
                    new TokenStoreAccountEvents(
                        tokens, new JdbcAccountEventLog(database), clock)))));
    endpoints.add(
        Endpoint.publicRoute(
            HandlerType.POST,
            "/webhooks/credly",
            neutral.withBody(
                new CredlyWebhookRoute(
                    new CredlyWebhookDispatcher(workspaces.receivers()), intake))));
    ghl.installFlow()
        .ifPresent(
            flow -> {
              GhlOAuthCallbackRoute callback = new GhlOAuthCallbackRoute(flow);
              endpoints.add(
                  Endpoint.publicRoute(
                      HandlerType.GET,
                      GhlOAuthCallbackRoute.PATH,
                      ctx ->
                          NeutralRoutes.write(
                              ctx,
                              named(
                                  callback.handle(
                                      NeutralRoutes.bodyless(ctx),
                                      ctx.cookie(InstallStart.BINDING_COOKIE)),
                                  () -> nameLocations(naming, ghl, directory)))));
            });
    endpoints.add(
        new Endpoint(
            HandlerType.GET,
            "/health",
            NeutralRoutes.withoutBody(
                new HealthRoute(
                    counters,
                    tokens,
                    firstToken,
                    config.implicitWorkspace() ? null : health,
                    probe)),
            Endpoint.Exposure.BOTH));
    MetricsRoutes.create(metrics, readiness(config, database, tokens, firstToken, health, probe))
        .forEach(
            (key, route) ->
                endpoints.add(
                    RouteKeys.endpoint(
                        key,
                        route,
                        key.contains("/health")
                            ? Endpoint.Exposure.BOTH
                            : Endpoint.Exposure.MANAGEMENT,
                        neutral)));
    // What each caller of the admin surface may see: the workspaces of a limited operator.
    ReadScopes scopes = new ReadScopes(directory, new JdbcSyncStateStore(database));
    // The admin API endpoints behind the operator commands, run by this service for the CLI.
    OperatorEndpoints operatorEndpoints =
        new OperatorEndpoints(
            new OperatorEndpoints.Sources(
                config.operatorConfig(),
                instance,
                stores,
                jobs,
                planner,
                crm,
                ghl.directory(),
                intake,
                DefaultLocation.of(config.ghl()),
                new OperatorCommands(
                    new Operators(
                        new JdbcOperatorStore(database),
                        new JdbcAdminSessionStore(database),
                        clock),
                    config.server().browserUrl()),
                new JdbcChangeLog(database),
                scopes,
                clock));
    endpoints.addAll(
        AdminRoutes.create(
            config,
            new AdminRoutes.Sources(
                database,
                stores,
                tokens,
                workspaces,
                rules,
                workspaceStore,
                health,
                held,
                scopes,
                jobs,
                () -> ghl.limiter().keys().stream().sorted().map(ghl.limiter()::snapshot).toList(),
                jobs::countQueued),
            clock,
            operatorEndpoints.endpoints(),
            ghl.installFlow().<Function<String, URI>>map(flow -> flow::start).orElse(null)));
    WebServer web;
    try {
      web = WebServer.start(webSettings(config.server()), endpoints);
    } catch (RuntimeException e) {
      jobs.close();
      throw e;
    }
    // Tells operator commands of this configuration where to find the service.
    ServiceRuntimeFile.Published runtimeFile =
        ServiceRuntimeFile.publish(
            config.operatorConfig(),
            new ServiceRuntimeFile.Entry(
                ProcessHandle.current().pid(),
                ServiceRuntimeFile.adminUrl(config.server(), web.managementPort()),
                ServiceRuntimeFile.storageId(config.storage()),
                instance,
                clock.instant().toString()));
    log.atInfo()
        .addKeyValue("port", web.port())
        .addKeyValue("instance", instance)
        .addKeyValue("storage", database.dialect())
        .addKeyValue("workspaces", config.workspaces().size())
        .log("ghl-credly-sync started");
    logReconciliation(config.ghl(), ghl);
    return application.create(web, operatorEndpoints, runtimeFile);
  }

  /** Builds the application once it is known whether this instance serves HTTP. */
  @FunctionalInterface
  private interface Serving {
    Application create(
        @Nullable WebServer web,
        @Nullable OperatorEndpoints operatorEndpoints,
        ServiceRuntimeFile.Published runtimeFile);
  }

  private static WebSettings webSettings(ServerConfig server) {
    return WebSettings.of(
        server.host(), server.port(), server.managementPort(), server.maxWebhookBytes());
  }

  /**
   * The reconciliation pass, when enabled: every location in turn, once per cluster; {@code passes}
   * counts the passes this process finished.
   */
  private static List<DbSchedulerJobQueue.RecurringWork> recurring(
      AppConfig config,
      GhlConnection ghl,
      Stores stores,
      EventIntake intake,
      InstantSource clock,
      AtomicLong passes) {
    GhlConfig.Reconcile settings = config.ghl().reconcile();
    if (!settings.enabled()) {
      return List.of();
    }
    Reconciler reconciler =
        new Reconciler(
            ghl.changes(),
            stores.inbox(),
            stores.state(),
            stores.cursors(),
            intake,
            settings.lookback(),
            clock);
    Runnable pass =
        () -> {
          for (LocationId location : ghl.reconcileLocations().get()) {
            try {
              reconciler.reconcile(location);
            } catch (RuntimeException e) {
              // One location failing (token revoked, GHL down) must not stop the others.
              log.atWarn()
                  .addKeyValue("locationId", location)
                  .addKeyValue("cause", e.toString())
                  .log("reconciliation pass failed; the cursor stays, the next pass retries");
            }
          }
          passes.incrementAndGet();
        };
    return List.of(new DbSchedulerJobQueue.RecurringWork(RECONCILE_TASK, settings.every(), pass));
  }

  /**
   * Learns the names of the connected, file-listed and held locations, in the background: GHL may
   * be slow or down, and the names are only for people.
   */
  private static void nameLocations(
      LocationNaming naming, GhlConnection ghl, WorkspaceDirectory directory) {
    Thread.ofVirtual()
        .name("location-names")
        .start(
            () -> {
              try {
                Set<LocationId> locations = new LinkedHashSet<>(ghl.reconcileLocations().get());
                directory.list().forEach(workspace -> locations.addAll(workspace.locations()));
                naming.fillMissing(locations);
              } catch (RuntimeException e) {
                log.atInfo()
                    .addKeyValue("cause", e.getClass().getSimpleName())
                    .log("location names not read now");
              }
            });
  }

  /** The callback's answer, after starting to learn the new locations' names on a success. */
  private static WebhookResponse named(WebhookResponse answer, Runnable learnNames) {
    if (answer.status() == 200) {
      learnNames.run();
    }
    return answer;
  }

  /** Says whether lost webhooks will be found, and where: silence here once hid a pass of none. */
  private static void logReconciliation(GhlConfig config, GhlConnection ghl) {
    GhlConfig.Reconcile settings = config.reconcile();
    if (!settings.enabled()) {
      log.atWarn().log("reconciliation off: " + ReconcileCoverage.OFF);
      return;
    }
    log.atInfo()
        .addKeyValue("every", DurationText.format(settings.every()))
        .addKeyValue("lookback", DurationText.format(settings.lookback()))
        .addKeyValue(
            "covers", ReconcileCoverage.covers(config, ghl.reconcileLocations().get().size()))
        .log("reconciliation on");
  }

  /**
   * The readiness checks: the database; then, without {@code workspaces:}, the GHL accounts and the
   * Credly token as before; with workspaces, one check per workspace that names it and does not
   * make the service unready alone.
   */
  private static Supplier<List<ReadinessCheck>> readiness(
      AppConfig config,
      Database database,
      TokenStore tokens,
      CredlyTokenHealth firstToken,
      WorkspaceHealth health,
      UpstreamProbe probe) {
    DatabaseCheck databaseCheck = new DatabaseCheck(database.dataSource());
    if (config.implicitWorkspace()) {
      // A refused token fails its check as an expired one does; an upstream that does not answer
      // is advisory (its work waits and is retried).
      List<ReadinessCheck> fixed =
          List.of(
              databaseCheck,
              new ProbedCheck(
                  new GhlAccountsCheck(tokens),
                  () -> probe.problem("ghl", UpstreamProbe.State.REFUSED)),
              new ProbedCheck(
                  new CredlyTokenCheck(firstToken),
                  () -> probe.problem("credly", UpstreamProbe.State.REFUSED)),
              ProbedCheck.unavailable(probe));
      return () -> fixed;
    }
    return () -> {
      List<ReadinessCheck> checks = new ArrayList<>();
      checks.add(databaseCheck);
      // The file's workspaces always; those created in the browser when the database answers
      // (when it does not, the database check says so, and each check fails on its own thread).
      Set<WorkspaceId> ids = new LinkedHashSet<>();
      config.workspaces().forEach(workspace -> ids.add(workspace.id()));
      try {
        health.directory().list().forEach(workspace -> ids.add(workspace.id()));
      } catch (RuntimeException e) {
        log.atDebug().log("browser workspaces not listed for readiness: the database is down");
      }
      ids.forEach(id -> checks.add(new WorkspaceCheck(health, id)));
      return checks;
    };
  }

  private static DatabaseSettings databaseSettings(AppConfig config) {
    return new DatabaseSettings(
        config.storage().url(),
        config.storage().username(),
        config.storage().password(),
        config.storage().maxPoolSize());
  }

  private static GhlWebhookKeys webhookKeys(WebhookConfig hooks) {
    if (hooks.ed25519PublicKeys().isEmpty() && hooks.rsaPublicKeys().isEmpty()) {
      return GhlWebhookKeys.published();
    }
    return GhlWebhookKeys.fromPem(hooks.ed25519PublicKeys(), hooks.rsaPublicKeys());
  }

  /** The port the HTTP server listens on. */
  public int port() {
    if (web == null) {
      throw new IllegalStateException("started without the HTTP server");
    }
    return web.port();
  }

  /** Where events enter the engine (made durable, their contacts' jobs queued). */
  public EventIntake intake() {
    return intake;
  }

  /** Every contact of a location, page by page, at the bulk rate priority: what imports walk. */
  public ContactDirectory directory() {
    return directory;
  }

  /** What the engine would do for a contact now, without doing it (plan, dry-run imports). */
  public ContactPlanner planner() {
    return planner;
  }

  /** Reads contacts from GHL with the account of their location. */
  public CrmGateway crm() {
    return crm;
  }

  public SyncCounters.Snapshot counters() {
    return counters.snapshot();
  }

  /** The workspaces this service runs, with their directory. */
  public WorkspaceRuntime workspaces() {
    return workspaces;
  }

  /** Puts held events back to work once their location is assigned. */
  public HeldEvents heldEvents() {
    return held;
  }

  /** The database this engine runs on. */
  public Database database() {
    return database;
  }

  public Stores stores() {
    return stores;
  }

  /** Reconciliation passes this process finished (over every location), since it started. */
  public long reconcilePassesDone() {
    return reconcilePasses.get();
  }

  public long queuedJobs() {
    return jobs.countQueued();
  }

  /**
   * The admin API endpoints of the operator commands, for the web server to mount; empty unless the
   * instance serves HTTP.
   */
  public List<ApiEndpoint> operatorEndpoints() {
    return operatorEndpoints == null ? List.of() : operatorEndpoints.endpoints();
  }

  @Override
  public void close() {
    // First: a command started now opens the database itself rather than asking a stopping service.
    runtimeFile.close();
    probe.close();
    if (web != null) {
      web.close();
    }
    if (operatorEndpoints != null) {
      operatorEndpoints.close();
    }
    intake.close();
    jobs.close();
    database.close();
    log.info("ghl-credly-sync stopped");
  }
}

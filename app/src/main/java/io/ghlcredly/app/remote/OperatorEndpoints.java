package io.ghlcredly.app.remote;

import io.ghlcredly.app.Stores;
import io.ghlcredly.app.admin.ReadScopes;
import io.ghlcredly.app.config.OperatorConfig;
import io.ghlcredly.app.operations.AuditTrail;
import io.ghlcredly.app.operations.ImportRun;
import io.ghlcredly.app.operations.OperatorActions;
import io.ghlcredly.app.remote.OperatorWire.AuditEntryJson;
import io.ghlcredly.app.remote.OperatorWire.AuditJson;
import io.ghlcredly.app.remote.OperatorWire.DeadLetterJson;
import io.ghlcredly.app.remote.OperatorWire.DeadLettersJson;
import io.ghlcredly.app.remote.OperatorWire.ErrorJson;
import io.ghlcredly.app.remote.OperatorWire.ImportRequestJson;
import io.ghlcredly.app.remote.OperatorWire.InstanceJson;
import io.ghlcredly.app.remote.OperatorWire.OperatorJson;
import io.ghlcredly.app.remote.OperatorWire.OperatorOutcomeJson;
import io.ghlcredly.app.remote.OperatorWire.OperatorRequestJson;
import io.ghlcredly.app.remote.OperatorWire.OperatorsJson;
import io.ghlcredly.app.remote.OperatorWire.PlanJson;
import io.ghlcredly.app.remote.OperatorWire.ReplayJson;
import io.ghlcredly.app.remote.OperatorWire.ReplaysJson;
import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.DeadLetter;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.OperatorRole;
import io.ghlcredly.core.port.ChangeLog;
import io.ghlcredly.core.port.ContactDirectory;
import io.ghlcredly.core.port.CrmGateway;
import io.ghlcredly.core.port.JobQueue;
import io.ghlcredly.core.sync.ContactImporter;
import io.ghlcredly.core.sync.ContactPlanner;
import io.ghlcredly.core.sync.DeadLetterReplayer;
import io.ghlcredly.core.sync.EventIntake;
import io.ghlcredly.web.Actor;
import io.ghlcredly.web.ApiEndpoint;
import io.ghlcredly.web.MalformedInput;
import io.ghlcredly.web.Scope;
import io.ghlcredly.web.operators.EmailMask;
import io.ghlcredly.web.operators.OperatorCommands;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API endpoints behind the operator commands, so that {@code dead-letters}, {@code
 * audit}, {@code plan}, {@code import} and {@code operators} work while the service runs (on H2 the
 * service holds the database file alone). Each answers with the data the command prints ({@link
 * OperatorWire}), and runs the same use cases the command runs on the database. The paths are under
 * {@code /admin/api/commands/}, apart from the dashboard's views; {@code GET /admin/api/instance}
 * tells a command which service and database answer. Closing stops the imports it runs.
 * Thread-safe.
 */
public final class OperatorEndpoints implements AutoCloseable {
  /** The base of the command endpoints. */
  public static final String BASE = "/admin/api/commands";

  /** The identity endpoint a command asks first. */
  public static final String INSTANCE = "/admin/api/instance";

  static final int MAX_LIMIT = 100_000;

  /** As many dead letters as a scoped replay-all looks at, as {@code replayAll} does. */
  private static final int REPLAY_ALL_LIMIT = 10_000;

  /** GHL or Credly failed; the error is the one the command would print itself. */
  static final int UPSTREAM_FAILED = 502;

  private static final String OPERATORS = BASE + "/operators";
  private static final Logger log = LoggerFactory.getLogger(OperatorEndpoints.class);

  private final Sources sources;
  private final DeadLetterReplayer replayer;
  private final ImportRuns imports;
  private final Instant startedAt;
  private final CommandScopes scopes;

  /**
   * What the endpoints read and act on: the running service's parts.
   *
   * @param defaultLocation where {@code import} and {@code plan} look without {@code --location}
   * @param operators the {@code operators} commands, with links on the service's address
   * @param scopes what each caller may see (null: a limited operator gets 404 from every endpoint
   *     that reads or changes contacts)
   */
  public record Sources(
      OperatorConfig config,
      String instance,
      Stores stores,
      JobQueue jobs,
      ContactPlanner planner,
      CrmGateway crm,
      ContactDirectory directory,
      EventIntake intake,
      @Nullable String defaultLocation,
      OperatorCommands operators,
      ChangeLog changes,
      @Nullable ReadScopes scopes,
      InstantSource clock) {}

  public OperatorEndpoints(Sources sources) {
    this.sources = sources;
    Stores stores = sources.stores();
    this.replayer = stores.replayer(sources.jobs(), sources.clock());
    this.imports =
        new ImportRuns(
            new ImportRun(
                sources.directory(),
                sources.planner(),
                sources.intake(),
                stores.cursors(),
                stores.inbox(),
                sources.clock()));
    this.startedAt = sources.clock().instant();
    this.scopes = new CommandScopes(sources.scopes(), stores.deadLetters());
  }

  /**
   * Every endpoint, for the web server to mount behind its admin checks; an operator limited to
   * some workspaces reads and changes only what their locations hold (anything else is 404).
   */
  public List<ApiEndpoint> endpoints() {
    OperatorRole viewer = OperatorRole.VIEWER;
    OperatorRole editor = OperatorRole.EDITOR;
    OperatorRole admin = OperatorRole.ADMIN;
    return List.of(
        new ApiEndpoint(HandlerType.GET, INSTANCE, viewer, this::instance),
        new ApiEndpoint(HandlerType.GET, BASE + "/dead-letters", viewer, this::deadLetters),
        new ApiEndpoint(HandlerType.GET, BASE + "/dead-letters/{id}", viewer, this::deadLetter),
        new ApiEndpoint(HandlerType.POST, BASE + "/dead-letters/{id}/replay", editor, this::replay),
        new ApiEndpoint(
            HandlerType.POST, BASE + "/dead-letters/replay-all", editor, this::replayAll),
        new ApiEndpoint(HandlerType.GET, BASE + "/audit", viewer, this::audit),
        new ApiEndpoint(HandlerType.GET, BASE + "/plan", viewer, this::plan),
        new ApiEndpoint(HandlerType.POST, BASE + "/imports", editor, this::startImport),
        new ApiEndpoint(HandlerType.GET, BASE + "/imports/{id}", viewer, this::importRun),
        new ApiEndpoint(HandlerType.POST, BASE + "/imports/{id}/stop", editor, this::stopImport),
        new ApiEndpoint(HandlerType.GET, OPERATORS, admin, this::operators),
        new ApiEndpoint(HandlerType.POST, OPERATORS + "/{action}", admin, this::changeOperator));
  }

  private void instance(Context ctx) {
    answer(
        ctx,
        200,
        new InstanceJson(
            sources.instance(),
            ProcessHandle.current().pid(),
            ServiceRuntimeFile.storageId(sources.config().storage()),
            startedAt.toString(),
            sources.defaultLocation()));
  }

  private void deadLetters(Context ctx) {
    int limit = limit(ctx, 50);
    Optional<Scope> scope = scopes.listScope(ctx);
    if (scope.isEmpty()) {
      answer(ctx, 404, new ErrorJson("no such workspace"));
      return;
    }
    answer(
        ctx,
        200,
        new DeadLettersJson(
            scopes.deadLetters(scope.get(), limit).stream().map(DeadLetterJson::of).toList()));
  }

  /** A dead letter the caller may see. */
  private Optional<DeadLetter> visibleLetter(Context ctx) {
    Scope scope = ReadScopes.of(Actor.of(ctx));
    return id(ctx)
        .flatMap(value -> sources.stores().deadLetters().find(value))
        .filter(letter -> scopes.coversContact(scope, letter.contactId()));
  }

  private void deadLetter(Context ctx) {
    Optional<DeadLetterJson> found = visibleLetter(ctx).map(DeadLetterJson::of);
    if (found.isEmpty()) {
      answer(ctx, 404, new ErrorJson("no dead letter " + ctx.pathParam("id")));
      return;
    }
    answer(ctx, 200, found.get());
  }

  private void replay(Context ctx) {
    Optional<Long> id = visibleLetter(ctx).map(DeadLetter::id);
    if (id.isEmpty()) {
      answer(ctx, 404, new ErrorJson("no dead letter " + ctx.pathParam("id")));
      return;
    }
    DeadLetterReplayer.Outcome outcome = replayer.replay(id.get(), force(ctx));
    logChange(ctx, "dead letter replayed", "deadLetterId", id.get());
    recordReplay(ctx, outcome);
    answer(ctx, 200, ReplayJson.of(outcome));
  }

  private void replayAll(Context ctx) {
    Optional<Scope> scope = scopes.listScope(ctx);
    if (scope.isEmpty()) {
      answer(ctx, 404, new ErrorJson("no such workspace"));
      return;
    }
    boolean force = force(ctx);
    List<DeadLetterReplayer.Outcome> outcomes =
        scope.get().all()
            ? replayer.replayAll(force)
            : scopes.deadLetters(scope.get(), REPLAY_ALL_LIMIT).stream()
                .filter(letter -> force || letter.replayedAt() == null)
                .sorted(
                    Comparator.comparing(DeadLetter::createdAt).thenComparingLong(DeadLetter::id))
                .map(letter -> replayer.replay(letter.id(), force))
                .toList();
    outcomes.forEach(outcome -> recordReplay(ctx, outcome));
    List<ReplayJson> replays = outcomes.stream().map(ReplayJson::of).toList();
    logChange(ctx, "dead letters replayed", "count", replays.size());
    answer(ctx, 200, new ReplaysJson(replays));
  }

  private void audit(Context ctx) {
    String contact = ctx.queryParam("contact");
    if (contact == null || contact.isBlank()) {
      answer(ctx, 400, new ErrorJson("contact is required"));
      return;
    }
    ContactId contactId = new ContactId(contact);
    if (!scopes.coversContact(ReadScopes.of(Actor.of(ctx)), contactId)) {
      answer(ctx, 404, new ErrorJson("no contact " + contact));
      return;
    }
    int limit = limit(ctx, 100);
    Stores stores = sources.stores();
    List<AuditTrail.Entry> trail =
        AuditTrail.merge(
            stores.inbox().listByContact(contactId, limit),
            stores.journal().listByContact(contactId, limit),
            stores.ledger().listByContact(contactId),
            sources.changes().listForContact(contactId, limit),
            limit);
    answer(ctx, 200, new AuditJson(trail.stream().map(AuditEntryJson::of).toList()));
  }

  private void plan(Context ctx) {
    String contact = ctx.queryParam("contact");
    String location = ctx.queryParam("location");
    if (contact == null || contact.isBlank() || location == null || location.isBlank()) {
      answer(ctx, 400, new ErrorJson("contact and location are required"));
      return;
    }
    LocationId locationId = new LocationId(location);
    Scope scope = ReadScopes.of(Actor.of(ctx));
    if (!scopes.coversLocation(scope, locationId)) {
      answer(ctx, 404, new ErrorJson("no contact " + contact + " in " + locationId));
      return;
    }
    Optional<Contact> found;
    try {
      found = sources.crm().findContact(locationId, new ContactId(contact));
    } catch (ApiException e) {
      // What the command prints when it reads GHL itself.
      answer(ctx, UPSTREAM_FAILED, new ErrorJson(String.valueOf(e.getMessage())));
      return;
    }
    if (found.isEmpty() || !scopes.coversLocation(scope, found.get().locationId())) {
      answer(ctx, 404, new ErrorJson("no contact " + contact + " in " + locationId));
      return;
    }
    answer(ctx, 200, PlanJson.of(sources.planner().plan(found.get())));
  }

  private void startImport(Context ctx) {
    ImportRequestJson request = body(ctx, ImportRequestJson.class);
    String location = request.location();
    if (location == null || location.isBlank()) {
      answer(ctx, 400, new ErrorJson("location is required"));
      return;
    }
    if (!scopes.coversLocation(ReadScopes.of(Actor.of(ctx)), new LocationId(location))) {
      answer(ctx, 404, new ErrorJson("no location " + location));
      return;
    }
    Instant since;
    try {
      since = request.since() == null ? null : Instant.parse(request.since());
    } catch (DateTimeParseException e) {
      answer(ctx, 400, new ErrorJson("since must be an ISO instant, got " + request.since()));
      return;
    }
    ContactImporter.Request walk =
        new ContactImporter.Request(
            new LocationId(location), since, request.dryRun(), request.restart());
    ImportRuns.Tracked run;
    try {
      run = imports.start(walk, request.show());
    } catch (ImportRuns.Busy busy) {
      answer(ctx, 409, new ErrorJson(String.valueOf(busy.getMessage())));
      return;
    }
    logChange(ctx, "import started", "run", run.id);
    record(ctx, "started import " + run.id, "import", null);
    answer(ctx, 202, run.view());
  }

  /** An import run of a location the caller may see. */
  private Optional<ImportRuns.Tracked> visibleRun(Context ctx) {
    Scope scope = ReadScopes.of(Actor.of(ctx));
    return id(ctx)
        .flatMap(imports::find)
        .filter(run -> scopes.coversLocation(scope, run.request.location()));
  }

  private void importRun(Context ctx) {
    Optional<ImportRuns.Tracked> run = visibleRun(ctx);
    if (run.isEmpty()) {
      answer(ctx, 404, new ErrorJson("no import run " + ctx.pathParam("id")));
      return;
    }
    answer(ctx, 200, run.get().view());
  }

  private void stopImport(Context ctx) {
    Optional<ImportRuns.Tracked> run = visibleRun(ctx);
    if (run.isEmpty()) {
      answer(ctx, 404, new ErrorJson("no import run " + ctx.pathParam("id")));
      return;
    }
    run.get().stop();
    logChange(ctx, "import stop requested", "run", run.get().id);
    answer(ctx, 200, run.get().view());
  }

  private void operators(Context ctx) {
    answer(
        ctx,
        200,
        new OperatorsJson(operatorActions(ctx).list().stream().map(OperatorJson::of).toList()));
  }

  /** {@code add}, {@code role}, {@code disable}, {@code enable} or {@code reset} one operator. */
  private void changeOperator(Context ctx) {
    OperatorRequestJson request = body(ctx, OperatorRequestJson.class);
    OperatorActions actions = operatorActions(ctx);
    String role = request.role() == null ? "" : request.role();
    OperatorCommands.Outcome outcome =
        switch (ctx.pathParam("action")) {
          case "add" -> actions.add(request.email(), role, request.name());
          case "role" -> actions.role(request.email(), role);
          case "disable" -> actions.disable(request.email());
          case "enable" -> actions.enable(request.email());
          case "reset" -> actions.reset(request.email());
          default -> null;
        };
    if (outcome == null) {
      answer(ctx, 404, new ErrorJson("no operators command " + ctx.pathParam("action")));
      return;
    }
    logChange(
        ctx, "operators " + ctx.pathParam("action"), "operator", EmailMask.of(request.email()));
    record(ctx, "operators " + ctx.pathParam("action"), request.email(), null);
    answer(ctx, 200, OperatorOutcomeJson.of(outcome));
  }

  /** The commands as made by the caller: an operator's email, or {@code admin-token}. */
  private OperatorActions operatorActions(Context ctx) {
    return OperatorActions.of(sources.operators(), Actor.of(ctx).name());
  }

  /** A replay that happened goes into the change log, on its contact, with who asked for it. */
  private void recordReplay(Context ctx, DeadLetterReplayer.Outcome outcome) {
    if (outcome instanceof DeadLetterReplayer.Outcome.Replayed replayed) {
      ContactId contact = replayed.deadLetter().contactId();
      record(ctx, "replayed dead letter " + replayed.id(), contact.value(), contact);
    }
  }

  private void record(Context ctx, String action, String subject, @Nullable ContactId contact) {
    sources
        .changes()
        .record(
            new ChangeLog.Change(
                sources.clock().instant(), Actor.of(ctx).name(), action, subject, contact));
  }

  /** Changes are logged with who asked for them. */
  private static void logChange(Context ctx, String what, String key, Object value) {
    log.atInfo().addKeyValue(key, value).addKeyValue("actor", Actor.of(ctx).name()).log(what);
  }

  /** The request's JSON body; one that does not decode is answered 400 by the server. */
  private static <T> T body(Context ctx, Class<T> type) {
    try {
      return OperatorWire.read(ctx.body(), type);
    } catch (UncheckedIOException e) {
      throw new MalformedInput("the body is not the JSON this endpoint takes", e);
    }
  }

  private static void answer(Context ctx, int status, Object body) {
    ctx.status(status).contentType("application/json").result(OperatorWire.write(body));
  }

  private static Optional<Long> id(Context ctx) {
    try {
      return Optional.of(Long.parseLong(ctx.pathParam("id")));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static int limit(Context ctx, int defaultLimit) {
    String text = ctx.queryParam("limit");
    if (text == null) {
      return defaultLimit;
    }
    try {
      return Math.clamp(Long.parseLong(text), 1, MAX_LIMIT);
    } catch (NumberFormatException e) {
      return defaultLimit;
    }
  }

  private static boolean force(Context ctx) {
    return "true".equals(ctx.queryParam("force"));
  }

  /** Stops the imports this service runs for commands (after their current page). */
  @Override
  public void close() {
    imports.close();
  }
}

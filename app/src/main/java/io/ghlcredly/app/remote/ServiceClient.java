package io.ghlcredly.app.remote;

import io.ghlcredly.app.operations.AuditTrail;
import io.ghlcredly.app.operations.DryRunTally;
import io.ghlcredly.app.operations.OperatorActions;
import io.ghlcredly.app.remote.OperatorWire.AuditEntryJson;
import io.ghlcredly.app.remote.OperatorWire.AuditJson;
import io.ghlcredly.app.remote.OperatorWire.DeadLetterJson;
import io.ghlcredly.app.remote.OperatorWire.DeadLettersJson;
import io.ghlcredly.app.remote.OperatorWire.ErrorJson;
import io.ghlcredly.app.remote.OperatorWire.ImportRequestJson;
import io.ghlcredly.app.remote.OperatorWire.ImportRunJson;
import io.ghlcredly.app.remote.OperatorWire.InstanceJson;
import io.ghlcredly.app.remote.OperatorWire.OperatorJson;
import io.ghlcredly.app.remote.OperatorWire.OperatorOutcomeJson;
import io.ghlcredly.app.remote.OperatorWire.OperatorRequestJson;
import io.ghlcredly.app.remote.OperatorWire.OperatorsJson;
import io.ghlcredly.app.remote.OperatorWire.PlanJson;
import io.ghlcredly.app.remote.OperatorWire.ProgressJson;
import io.ghlcredly.app.remote.OperatorWire.ReplayJson;
import io.ghlcredly.app.remote.OperatorWire.ReplaysJson;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.DeadLetter;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.Operator;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.core.sync.ContactImporter;
import io.ghlcredly.core.sync.ContactPlanner;
import io.ghlcredly.core.sync.DeadLetterReplayer.Outcome;
import io.ghlcredly.core.sync.ImportProgress;
import io.ghlcredly.web.operators.OperatorCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The operator commands' side of {@link OperatorEndpoints}: asks a running service over its admin
 * API (with the admin token) and turns its answers back into the values the commands print.
 * Thread-safe.
 */
public final class ServiceClient {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  // A replay of every dead letter or a plan reading GHL can take a while; nothing else should.
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

  private final URI baseUrl;
  private final Secret token;
  private final HttpClient http;

  ServiceClient(URI baseUrl, Secret token) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  /** The service's address, such as {@code http://127.0.0.1:8080}. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** A request the service refused or could not answer; the message says why. */
  public static final class ServiceException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    ServiceException(String message, int status, @Nullable Throwable cause) {
      super(message, cause);
      this.status = status;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
      return status;
    }
  }

  /** An answer: its status and body. */
  record Answer(int status, String body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    String error() {
      try {
        return OperatorWire.read(body, ErrorJson.class).error();
      } catch (UncheckedIOException notJson) {
        return "HTTP " + status;
      }
    }
  }

  InstanceJson instance(Duration timeout) {
    return OperatorWire.read(
        expect(send("GET", OperatorEndpoints.INSTANCE, null, timeout)), InstanceJson.class);
  }

  /** Asks without expecting success: for telling a refused token from no admin API at all. */
  Answer ask(String path, Duration timeout) {
    return send("GET", path, null, timeout);
  }

  /** Where the service imports and plans without {@code --location}; null when nowhere. */
  public @Nullable String defaultLocation() {
    return instance(REQUEST_TIMEOUT).defaultLocation();
  }

  public List<DeadLetter> deadLetters(int limit) {
    return get("/dead-letters?limit=" + limit, DeadLettersJson.class).deadLetters().stream()
        .map(DeadLetterJson::toDeadLetter)
        .toList();
  }

  /** The dead letter; empty when the service has none with the id. */
  public Optional<DeadLetter> deadLetter(long id) {
    Answer answer = send("GET", OperatorEndpoints.BASE + "/dead-letters/" + id, null);
    if (answer.status() == 404) {
      return Optional.empty();
    }
    return Optional.of(OperatorWire.read(expect(answer), DeadLetterJson.class).toDeadLetter());
  }

  public Outcome replay(long id, boolean force) {
    return post("/dead-letters/" + id + "/replay" + force(force), null, ReplayJson.class)
        .toOutcome();
  }

  public List<Outcome> replayAll(boolean force) {
    return post("/dead-letters/replay-all" + force(force), null, ReplaysJson.class)
        .replays()
        .stream()
        .map(ReplayJson::toOutcome)
        .toList();
  }

  public List<AuditTrail.Entry> audit(ContactId contact, int limit) {
    return get("/audit?contact=" + encode(contact.value()) + "&limit=" + limit, AuditJson.class)
        .entries()
        .stream()
        .map(AuditEntryJson::toEntry)
        .toList();
  }

  /** What the sync would do for the contact now; empty when GHL has no such contact there. */
  public Optional<ContactPlanner.Plan> plan(ContactId contact, LocationId location) {
    Answer answer =
        send(
            "GET",
            OperatorEndpoints.BASE
                + "/plan?contact="
                + encode(contact.value())
                + "&location="
                + encode(location.value()),
            null);
    if (answer.status() == 404) {
      return Optional.empty();
    }
    return Optional.of(OperatorWire.read(expect(answer), PlanJson.class).toPlan());
  }

  /** Starts an import in the service; then poll {@link #importRun}. */
  public ImportStatus startImport(ContactImporter.Request request, int show) {
    Instant since = request.since();
    ImportRequestJson body =
        new ImportRequestJson(
            request.location().value(),
            since == null ? null : since.toString(),
            request.dryRun(),
            request.restart(),
            show);
    return ImportStatus.of(post("/imports", OperatorWire.write(body), ImportRunJson.class));
  }

  public ImportStatus importRun(long id) {
    return ImportStatus.of(get("/imports/" + id, ImportRunJson.class));
  }

  /** Asks the service to stop the import after its current page. */
  public ImportStatus stopImport(long id) {
    return ImportStatus.of(post("/imports/" + id + "/stop", null, ImportRunJson.class));
  }

  /**
   * An import the service runs, as last polled.
   *
   * @param started the counts when the walk started; null before
   * @param progress the counts after the last page; null before the first
   * @param applyStarted whether the walk ended and the wait for the job workers began
   * @param applied contacts applied of {@code toApply}, once {@code applyStarted}
   * @param error why it failed
   */
  public record ImportStatus(
      long id,
      String state,
      @Nullable ImportProgress started,
      @Nullable ImportProgress progress,
      boolean applyStarted,
      long applied,
      long toApply,
      boolean allApplied,
      @Nullable String error,
      DryRunTally tally) {
    static ImportStatus of(ImportRunJson json) {
      ProgressJson started = json.started();
      ProgressJson progress = json.progress();
      return new ImportStatus(
          json.id(),
          json.state(),
          started == null ? null : started.toProgress(),
          progress == null ? null : progress.toProgress(),
          json.applyStarted(),
          json.applied(),
          json.toApply(),
          json.allApplied(),
          json.error(),
          json.tally());
    }

    /** Done, stopped or failed. */
    public boolean finished() {
      return state.equals(ImportRunJson.DONE)
          || state.equals(ImportRunJson.STOPPED)
          || state.equals(ImportRunJson.FAILED);
    }

    public boolean failed() {
      return state.equals(ImportRunJson.FAILED);
    }
  }

  /** The {@code operators} commands, run by the service. */
  public OperatorActions operators() {
    return new OperatorActions() {
      @Override
      public List<Operator> list() {
        return get("/operators", OperatorsJson.class).operators().stream()
            .map(OperatorJson::toOperator)
            .toList();
      }

      @Override
      public OperatorCommands.Outcome add(String email, String role, @Nullable String name) {
        return change("add", new OperatorRequestJson(email, role, name));
      }

      @Override
      public OperatorCommands.Outcome role(String email, String role) {
        return change("role", new OperatorRequestJson(email, role, null));
      }

      @Override
      public OperatorCommands.Outcome disable(String email) {
        return change("disable", new OperatorRequestJson(email, null, null));
      }

      @Override
      public OperatorCommands.Outcome enable(String email) {
        return change("enable", new OperatorRequestJson(email, null, null));
      }

      @Override
      public OperatorCommands.Outcome reset(String email) {
        return change("reset", new OperatorRequestJson(email, null, null));
      }

      private OperatorCommands.Outcome change(String action, OperatorRequestJson request) {
        return post("/operators/" + action, OperatorWire.write(request), OperatorOutcomeJson.class)
            .toOutcome();
      }
    };
  }

  private <T> T get(String path, Class<T> type) {
    return OperatorWire.read(expect(send("GET", OperatorEndpoints.BASE + path, null)), type);
  }

  private <T> T post(String path, @Nullable String body, Class<T> type) {
    return OperatorWire.read(expect(send("POST", OperatorEndpoints.BASE + path, body)), type);
  }

  private String expect(Answer answer) {
    if (answer.status() == OperatorEndpoints.UPSTREAM_FAILED) {
      throw new ServiceException(answer.error(), answer.status(), null);
    }
    if (!answer.ok()) {
      throw new ServiceException(
          "the service at " + baseUrl + " answered " + answer.status() + ": " + answer.error(),
          answer.status(),
          null);
    }
    return answer.body();
  }

  private Answer send(String method, String path, @Nullable String body) {
    return send(method, path, body, REQUEST_TIMEOUT);
  }

  private Answer send(String method, String path, @Nullable String body, Duration timeout) {
    HttpRequest request =
        HttpRequest.newBuilder(baseUrl.resolve(path))
            .timeout(timeout)
            .header("Authorization", "Bearer " + token.reveal())
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new ServiceException(
          "the service at " + baseUrl + " did not answer (" + e.getClass().getSimpleName() + ")",
          0,
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceException("interrupted while asking the service at " + baseUrl, 0, e);
    }
  }

  private static String force(boolean force) {
    return force ? "?force=true" : "";
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

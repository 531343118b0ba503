package io.ghlcredly.app.remote;

import io.ghlcredly.app.config.OperatorConfig;
import io.ghlcredly.app.remote.OperatorWire.InstanceJson;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.storage.DatabaseSettings;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Tells an operator command whether a service runs for its configuration, and so whether the
 * command goes through that service's admin API or opens the database itself.
 *
 * <p>"Runs for this configuration" means: a live service answers the admin API with the
 * configuration's admin token and runs on the same database ({@link ServiceRuntimeFile#storageId}).
 * It is found through the runtime file the service keeps beside its data ({@link
 * ServiceRuntimeFile}: its process id and admin URL), which only a service of this database writes
 * there; without that file (a service that could not write it, or one that runs elsewhere), through
 * the address the configuration gives ({@code server.host}, {@code server.management-port} or
 * {@code server.port}). The answer is always confirmed by asking {@code GET /admin/api/instance}: a
 * stale file (a killed service, a reused process id) or another program on the port never takes a
 * command's work.
 *
 * <p>When the file names a live service but the command cannot use its admin API (no admin token in
 * the configuration, a token the service refuses, a service without an admin API), an H2 database
 * cannot be opened either (the service holds its file): that is an error saying what to do. On
 * PostgreSQL the command then opens the database beside the service, as it always could. Stateless.
 */
public final class ServiceLocator {
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

  /** The line a command prints when no service takes its work. */
  public static final String NO_SERVICE =
      "no service running for this configuration: opening the database directly";

  private ServiceLocator() {}

  /** Where the command's work goes. */
  public sealed interface Found {
    /** The one line on standard error that says which. */
    String describe();

    /** Through a running service's admin API. */
    record Service(ServiceClient client) implements Found {
      @Override
      public String describe() {
        return "using the running service at " + client.baseUrl() + " (admin API)";
      }
    }

    /** Into the database, from this process. */
    record Database(String describe) implements Found {}
  }

  /**
   * A service runs for the configuration but the command cannot go through it, nor open the
   * database beside it: a configuration matter (exit 2), with what to do in the message.
   */
  public static final class ServiceAccessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ServiceAccessException(String message) {
      super(message);
    }
  }

  /**
   * Finds the service of the configuration.
   *
   * @throws ServiceAccessException when one runs that the command can neither use nor bypass
   */
  public static Found find(OperatorConfig config) {
    @Nullable Secret token = config.server().adminToken();
    boolean embedded = DatabaseSettings.embeddedFile(config.storage().url()).isPresent();
    String storage = ServiceRuntimeFile.storageId(config.storage());
    Path file = ServiceRuntimeFile.location(config);
    Optional<ServiceRuntimeFile.Entry> running =
        ServiceRuntimeFile.read(file)
            .filter(entry -> entry.storage().equals(storage))
            .filter(entry -> alive(entry.pid()));
    if (running.isPresent()) {
      return fromRuntimeFile(running.get(), token, embedded, storage);
    }
    if (token != null) {
      URI configured = ServiceRuntimeFile.adminUrl(config.server(), config.server().adminPort());
      Optional<ServiceClient> service = confirmed(new ServiceClient(configured, token), storage);
      if (service.isPresent()) {
        return new Found.Service(service.get());
      }
    }
    return new Found.Database(NO_SERVICE);
  }

  private static Found fromRuntimeFile(
      ServiceRuntimeFile.Entry entry, @Nullable Secret token, boolean embedded, String storage) {
    String service =
        "a service runs for this configuration (pid " + entry.pid() + ", " + entry.adminUrl() + ")";
    if (token == null) {
      return bypass(
          embedded,
          service
              + " but this configuration sets no server.admin-token, so commands cannot go"
              + " through its admin API: set server.admin-token here to the service's token (the"
              + " same ${VARIABLE} or admin-token-file; if the service has none, give it one,"
              + " `openssl rand -base64 32`, and restart it)");
    }
    ServiceClient client = new ServiceClient(entry.adminUrl(), token);
    ServiceClient.Answer answer;
    try {
      answer = client.ask(OperatorEndpoints.INSTANCE, PROBE_TIMEOUT);
    } catch (ServiceClient.ServiceException unreachable) {
      // The process id was reused, or the service is stopping: nobody takes the work.
      return new Found.Database(NO_SERVICE);
    }
    return switch (answer.status()) {
      case 200 ->
          matches(answer, storage) ? new Found.Service(client) : new Found.Database(NO_SERVICE);
      case 401, 403 ->
          bypass(
              embedded,
              service
                  + " but it refuses this configuration's server.admin-token: use the token the"
                  + " service was started with");
      case 404 ->
          bypass(
              embedded,
              service
                  + " without the admin API commands use (started without server.admin-token,"
                  + " or an older version): restart it with server.admin-token set");
      default ->
          throw new ServiceAccessException(
              service + " but its admin API answered HTTP " + answer.status());
    };
  }

  /** On H2 the service holds the file: say what to do. On PostgreSQL go to the database. */
  private static Found bypass(boolean embedded, String why) {
    if (embedded) {
      throw new ServiceAccessException(
          why
              + "; or stop the service while this command runs: the embedded database is held by"
              + " the service");
    }
    return new Found.Database(why + "; opening the database directly");
  }

  private static Optional<ServiceClient> confirmed(ServiceClient client, String storage) {
    try {
      ServiceClient.Answer answer = client.ask(OperatorEndpoints.INSTANCE, PROBE_TIMEOUT);
      return answer.status() == 200 && matches(answer, storage)
          ? Optional.of(client)
          : Optional.empty();
    } catch (ServiceClient.ServiceException unreachable) {
      return Optional.empty();
    }
  }

  private static boolean matches(ServiceClient.Answer answer, String storage) {
    try {
      return OperatorWire.read(answer.body(), InstanceJson.class).storage().equals(storage);
    } catch (UncheckedIOException notOurs) {
      return false;
    }
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}

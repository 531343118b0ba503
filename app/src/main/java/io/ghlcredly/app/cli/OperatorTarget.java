package io.ghlcredly.app.cli;

import io.ghlcredly.app.OperatorStorage;
import io.ghlcredly.app.config.OperatorConfig;
import io.ghlcredly.app.remote.ServiceClient;
import io.ghlcredly.app.remote.ServiceLocator;
import io.ghlcredly.app.remote.ServiceRuntimeFile;
import io.ghlcredly.core.error.StorageException;
import io.ghlcredly.storage.DatabaseSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Where an operator command does its work: through the admin API of the service running for its
 * configuration, or, when none runs, on the database from this process ({@link ServiceLocator}
 * decides). {@link #find} says which in one line on standard error.
 *
 * <p>A command that reads or changes our own data plugs in the same way as {@code dead-letters} and
 * {@code audit}: an endpoint in {@link io.ghlcredly.app.remote.OperatorEndpoints} (or a class of
 * its own contributing {@code ApiEndpoint}s), a method on {@link ServiceClient} that turns its
 * answer into the same values the database gives, and in the command {@code target.call(storage ->
 * …, service -> …)}, printing from the value either way. Only {@code server}, {@code storage} and
 * {@code secrets} of the configuration are read, so no GHL or Credly secret is needed.
 */
final class OperatorTarget {
  /** Decides the target of a command (a seam for tests, which run without a service). */
  @FunctionalInterface
  interface Finder {
    OperatorTarget find(ConfigFile file, PrintWriter err);
  }

  private final ConfigFile file;
  private final @Nullable OperatorConfig config;
  private final @Nullable ServiceClient service;

  private OperatorTarget(
      ConfigFile file, @Nullable OperatorConfig config, @Nullable ServiceClient service) {
    this.file = file;
    this.config = config;
    this.service = service;
  }

  /**
   * Finds the service of the configuration and prints which way the command goes.
   *
   * @throws ServiceLocator.ServiceAccessException when a service runs that the command can neither
   *     use nor bypass
   */
  static OperatorTarget find(ConfigFile file, PrintWriter err) {
    OperatorConfig config = file.loadOperatorConfig();
    ServiceLocator.Found found = ServiceLocator.find(config);
    err.println(found.describe());
    err.flush();
    ServiceClient client =
        found instanceof ServiceLocator.Found.Service(ServiceClient located) ? located : null;
    return new OperatorTarget(file, config, client);
  }

  /** Always the database, without looking for a service or printing a line (tests). */
  static OperatorTarget database(ConfigFile file) {
    return new OperatorTarget(file, null, null);
  }

  ConfigFile file() {
    return file;
  }

  /** The configuration's server, storage and secrets, read without GHL or Credly secrets. */
  OperatorConfig config() {
    return config != null ? config : file.loadOperatorConfig();
  }

  /** The running service to go through; empty when the command works on the database. */
  Optional<ServiceClient> service() {
    return Optional.ofNullable(service);
  }

  /** Through the service when one runs, else on the stores of the database, closed afterwards. */
  <T> T call(Function<OperatorStorage, T> local, Function<ServiceClient, T> remote) {
    if (service != null) {
      return remote.apply(service);
    }
    OperatorConfig settings = config();
    try (OperatorStorage storage =
        opening(() -> OperatorStorage.open(settings.storage(), InstantSource.system()))) {
      return local.apply(storage);
    }
  }

  /**
   * Opens something on the database, explaining the one failure a running service causes: an H2
   * file held by another process that no service answer came from.
   */
  <T> T opening(Supplier<T> open) {
    try {
      return open.get();
    } catch (StorageException e) {
      OperatorConfig settings = config;
      if (settings == null || !heldByAnotherProcess(e)) {
        throw e;
      }
      Path database =
          DatabaseSettings.embeddedFile(settings.storage().url()).orElse(Path.of("(database)"));
      throw new ServiceLocator.ServiceAccessException(
          "the database "
              + database.toAbsolutePath().normalize()
              + " is held by another process (a `serve` or `demo` of this configuration?) and no"
              + " service answered for it at "
              + ServiceRuntimeFile.adminUrl(settings.server(), settings.server().adminPort())
              + ": stop that process, or give this configuration the service's"
              + " server.admin-token so that commands go through it");
    }
  }

  private static boolean heldByAnotherProcess(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String message = cause.getMessage();
      if (message != null && message.contains("already in use")) {
        return true;
      }
    }
    return false;
  }
}

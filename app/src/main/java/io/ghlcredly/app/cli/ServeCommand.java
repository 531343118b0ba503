package io.ghlcredly.app.cli;

import io.ghlcredly.app.Application;
import io.ghlcredly.app.RulesReloader;
import io.ghlcredly.app.config.AppConfig;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ghl-credly serve}: runs the service until it is stopped (Ctrl-C or SIGTERM). */
@Command(
    name = "serve",
    description = "Run the sync service: webhook endpoint, job workers, health.",
    mixinStandardHelpOptions = true)
final class ServeCommand implements Callable<Integer> {
  @CommandLine.Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = ConfigFile.OPTION_HELP)
  @Nullable Path config;

  @Override
  public Integer call() throws InterruptedException {
    ConfigFile configFile = ConfigFile.of(config);
    AppConfig loaded = configFile.load();
    Path file = configFile.path();
    // Rules and mapping follow the file while the service runs; a broken edit keeps the last good.
    RulesReloader rules =
        new RulesReloader(
            file, System.getenv(), loaded, InstantSource.system(), RulesReloader.DEFAULT_INTERVAL);
    rules.start();
    Application application;
    try {
      application =
          Application.start(
              loaded,
              Application.jobSettings(loaded),
              InstantSource.system(),
              Application.Role.SERVE,
              rules);
    } catch (RuntimeException e) {
      // A port taken, a database held elsewhere: nothing keeps running behind the error.
      rules.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  rules.close();
                  application.close();
                  stopped.countDown();
                }));
    stopped.await();
    return 0;
  }
}

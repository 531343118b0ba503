package io.ghlcredly.app.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** Runs the demo: sets up the environment, plays the scenario, then exits or keeps serving. */
public final class Demo {
  private Demo() {}

  /** Runs the demo and returns the process exit code: 0 when the scenario met its expectations. */
  public static int run(PrintWriter out, boolean exitAfterScenario)
      throws IOException, InterruptedException {
    return run(
        out,
        exitAfterScenario,
        Files.createTempDirectory("ghl-credly-demo-"),
        new CountDownLatch(1));
  }

  /**
   * Runs the demo in {@code folder}; without {@code exitAfterScenario} it keeps serving until the
   * JVM stops (Ctrl-C) or {@code stop} is counted down.
   */
  public static int run(
      PrintWriter out, boolean exitAfterScenario, Path folder, CountDownLatch stop)
      throws InterruptedException {
    DemoEnvironment env = DemoEnvironment.startAcademies(folder, Duration.ofSeconds(5));
    try {
      out.printf("ghl-credly demo (data and config in %s)%n", folder);
      out.printf("  GHL emulator     %s%n", env.ghl().baseUrl());
      out.printf("  Credly emulator  %s%n", env.credly().baseUrl());
      out.printf(
          "  sync engine      http://127.0.0.1:%d (webhooks at /webhooks/ghl, health at /health)%n",
          env.engine().port());
      out.printf(
          "  dashboard        http://127.0.0.1:%d/admin (sign in as %s, password in %s)%n",
          env.engine().port(),
          DemoEnvironment.ADMIN_EMAIL,
          folder.resolve(DemoEnvironment.ADMIN_PASSWORD_FILE));
      out.flush();
      DemoScenario.Result result = new DemoScenario(env, out).run();
      out.println(result.summary());
      out.flush();
      if (!exitAfterScenario) {
        printHowToPoke(
            out, env.configFile(), result.badgedContact(), env.academies().get(0).location());
        // The hook closes everything on Ctrl-C; the JVM waits for hooks, so the close completes.
        Thread hook = new Thread(env::close, "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stop.await();
        Runtime.getRuntime().removeShutdownHook(hook);
      }
      return result.ok() ? 0 : 1;
    } finally {
      env.close();
    }
  }

  /**
   * The configuration file works from any terminal: its secrets are files beside it. {@code plan}
   * and {@code import} name the location: the OAuth install serves several.
   */
  private static void printHowToPoke(
      PrintWriter out, Path configFile, String contact, String location) {
    String config = " -c " + configFile.toAbsolutePath();
    out.println("the engine keeps running against the emulators; press Ctrl-C to stop");
    out.println("from a second terminal, commands reach it through its admin API, for example:");
    out.println("  ./ghl-credly dead-letters list" + config);
    out.println("  ./ghl-credly audit --contact " + contact + config);
    out.println("  ./ghl-credly plan --contact " + contact + " --location " + location + config);
    out.println("  ./ghl-credly import --dry-run --location " + location + config);
    out.flush();
  }
}

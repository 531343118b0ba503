package io.ghlcredly.app.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the demo: sets up the environment in a temporary folder, plays the scenario, then exits or
 * keeps serving; removes the folder when it ends, unless told to keep it.
 */
public final class Demo {
  private Demo() {}

  /**
   * How the demo runs.
   *
   * @param exitAfterScenario end after the scenario rather than keep serving until Ctrl-C
   * @param keep leave the temporary folder (data, configuration, secrets) in place at the end
   */
  public record Options(boolean exitAfterScenario, boolean keep) {}

  /** Runs the demo and returns the process exit code: 0 when the scenario met its expectations. */
  public static int run(PrintWriter out, Options options) throws InterruptedException {
    return run(out, options, Path.of(System.getProperty("java.io.tmpdir")), new CountDownLatch(1));
  }

  /**
   * Runs the demo in a new owner-only folder under {@code parent}; without {@code
   * exitAfterScenario} it keeps serving until the JVM stops (Ctrl-C) or {@code stop} is counted
   * down. However it ends (after the scenario, on {@code stop}, on Ctrl-C through a shutdown hook,
   * on a failure) it stops the engine and the emulators, then removes the folder unless {@code
   * keep}.
   */
  public static int run(PrintWriter out, Options options, Path parent, CountDownLatch stop)
      throws InterruptedException {
    DemoFolder folder = DemoFolder.create(parent, options.keep(), out);
    // On Ctrl-C the JVM runs its hooks and waits for them: the folder is closed before it exits.
    Thread hook = new Thread(folder::close, "demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      DemoEnvironment env =
          folder.holding(DemoEnvironment.startAcademies(folder.path(), Duration.ofSeconds(5)));
      printWhatRuns(out, env, options.keep());
      DemoScenario.Result result = new DemoScenario(env, out).run();
      out.println(result.summary());
      out.flush();
      if (!options.exitAfterScenario()) {
        printHowToPoke(
            out, env.configFile(), result.badgedContact(), env.academies().get(0).location());
        printWorkspace(out, env);
        stop.await();
      }
      return result.ok() ? 0 : 1;
    } finally {
      folder.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is stopping: the hook has nothing left to do.
      }
    }
  }

  private static void printWhatRuns(PrintWriter out, DemoEnvironment env, boolean keep) {
    Path folder = env.folder();
    out.printf(
        "ghl-credly demo (data and config in %s, %s)%n",
        folder, keep ? "kept after the demo (--keep)" : "removed when the demo ends");
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

  /** The workspace in the browser, for an invited editor: the link sets their password once. */
  private static void printWorkspace(PrintWriter out, DemoEnvironment env) {
    DemoOperators.EditorLink editor =
        DemoOperators.inviteEditor(env.engine(), InstantSource.system());
    long hours = Math.round(editor.validFor().toMinutes() / 60.0);
    out.printf(
        "Open the workspace: http://127.0.0.1:%d/admin — first, set your password here (valid %d"
            + " hours, once): %s%n",
        env.engine().port(), hours, editor.link());
    out.printf("  (the link signs in %s, invited as an editor)%n", DemoOperators.EDITOR_EMAIL);
    out.flush();
  }
}

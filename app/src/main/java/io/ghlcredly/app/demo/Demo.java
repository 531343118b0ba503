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
    Path folder = Files.createTempDirectory("ghl-credly-demo-");
    DemoEnvironment env = DemoEnvironment.start(folder, Duration.ofSeconds(5));
    boolean keepServing = false;
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
        keepServing = true;
        out.println("the engine keeps running against the emulators; press Ctrl-C to stop");
        out.flush();
        // The hook closes everything; the JVM waits for hooks, so the close completes.
        Runtime.getRuntime().addShutdownHook(new Thread(env::close));
        new CountDownLatch(1).await();
      }
      return result.ok() ? 0 : 1;
    } finally {
      if (!keepServing) {
        env.close();
      }
    }
  }
}

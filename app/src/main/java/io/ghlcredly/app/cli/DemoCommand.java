package io.ghlcredly.app.cli;

import io.ghlcredly.app.demo.Demo;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ghl-credly demo}: both emulators plus the engine on embedded storage, one scenario. */
@Command(
    name = "demo",
    description = {
      "Start a GHL emulator, a Credly emulator and the sync engine on embedded H2,",
      "tag contacts and watch signed webhooks turn into Credly badges, each issued once."
    },
    mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {
  @CommandLine.Option(
      names = "--exit-after-scenario",
      description =
          "Print a one-line summary and exit: 0 only if every expected badge was issued exactly once.")
  boolean exitAfterScenario;

  @CommandLine.Option(
      names = "--keep",
      description =
          "Keep the demo's temporary folder (data, configuration, secrets) when it ends; its path"
              + " is printed. Without it the folder is removed.")
  boolean keep;

  @CommandLine.Option(names = "--verbose", description = "Show the engine's own log lines.")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!verbose && System.getProperty("GCS_LOG_LEVEL") == null) {
      // Before any logger exists: keep the narration readable.
      System.setProperty("GCS_LOG_LEVEL", "WARN");
    }
    return Demo.run(spec.commandLine().getOut(), new Demo.Options(exitAfterScenario, keep));
  }
}

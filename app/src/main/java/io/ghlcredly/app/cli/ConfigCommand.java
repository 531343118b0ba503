package io.ghlcredly.app.cli;

import io.ghlcredly.app.config.ConfigLoader;
import io.ghlcredly.core.error.ConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ghl-credly config ...}: configuration tools. */
@Command(
    name = "config",
    description = "Configuration tools.",
    mixinStandardHelpOptions = true,
    subcommands = {ConfigCommand.Check.class})
final class ConfigCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code config check FILE}: validates a file, printing each problem with its YAML path. */
  @Command(
      name = "check",
      description = "Validate a configuration file; exit 2 when it has problems.",
      mixinStandardHelpOptions = true)
  static final class Check implements Callable<Integer> {
    @CommandLine.Parameters(paramLabel = "FILE", description = "The YAML file to check.")
    Path file;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      List<ConfigException.ConfigProblem> problems = ConfigLoader.check(file, System.getenv());
      if (problems.isEmpty()) {
        spec.commandLine().getOut().println(file + ": OK");
        return 0;
      }
      spec.commandLine()
          .getErr()
          .println(file + ": " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s"));
      for (ConfigException.ConfigProblem problem : problems) {
        spec.commandLine().getErr().println("  " + problem.path() + ": " + problem.reason());
      }
      return ErrorHandler.CONFIG_ERROR;
    }
  }
}

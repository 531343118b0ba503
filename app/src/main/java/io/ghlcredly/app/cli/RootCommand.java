package io.ghlcredly.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ghl-credly}: the operator's entry point. Lists its commands with --help. */
@Command(
    name = "ghl-credly",
    mixinStandardHelpOptions = true,
    version = "ghl-credly-sync 0.1.0",
    description = "Keeps HighLevel (GHL) contacts and Credly credentials in sync.",
    subcommands = {
      DemoCommand.class,
      ServeCommand.class,
      ConfigCommand.class,
      CatalogCommand.class,
      CallCommand.class,
      DeadLettersCommand.class,
      AuditCommand.class,
      ImportCommand.class,
      PlanCommand.class,
      OperatorsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class RootCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  // Read by Main before picocli runs (logging is configured before any command exists); declared
  // here so every command accepts it and lists it in --help.
  @SuppressWarnings("UnusedVariable")
  @CommandLine.Option(
      names = "--log-format",
      paramLabel = "text|json",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Log lines as text (default) or one JSON object per line; also GCS_LOG_FORMAT.")
  String logFormat = "text";

  /** A command line with our exit codes: 2 for usage and configuration errors. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new RootCommand());
    commandLine.setExecutionExceptionHandler(new ErrorHandler());
    return commandLine;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

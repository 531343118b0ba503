package io.ghlcredly.app.cli;

import io.ghlcredly.app.operations.OperatorActions;
import io.ghlcredly.core.model.Operator;
import io.ghlcredly.web.operators.OperatorCommands;
import io.ghlcredly.web.operators.OperatorCommands.Outcome;
import io.ghlcredly.web.operators.Operators;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ghl-credly operators ...}: the named operators who sign in to the dashboard. The work is
 * {@link OperatorCommands}', run by the service of the configuration through its admin API when one
 * runs, else on the database by this process ({@link OperatorTarget}).
 */
@Command(
    name = "operators",
    description =
        "Invite operators, list them, change their roles, disable and enable them (through the"
            + " running service, else on the database).",
    mixinStandardHelpOptions = true,
    subcommands = {
      OperatorsCommand.Add.class,
      OperatorsCommand.ListOperators.class,
      OperatorsCommand.Role.class,
      OperatorsCommand.Disable.class,
      OperatorsCommand.Enable.class,
      OperatorsCommand.Reset.class
    })
final class OperatorsCommand implements Runnable {
  /** Who changes are recorded as made by. */
  static final String BY = "cli";

  /** Exit code of an unknown email or role: a usage error. */
  static final int UNKNOWN = CommandLine.ExitCode.USAGE;

  /** Exit code of a refused change (the last admin, an email already taken). */
  static final int REFUSED = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command through the service, else on the database; prints what came of it. */
  abstract static class OperatorCommand implements Callable<Integer> {
    @CommandLine.Mixin ConfigOption config = new ConfigOption();

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      InstantSource clock = InstantSource.system();
      OperatorTarget target = OperatorTarget.find(config.file(), spec.commandLine().getErr());
      PrintWriter out = spec.commandLine().getOut();
      return target.call(
          storage -> {
            Operators operators = new Operators(storage.operators(), storage.sessions(), clock);
            OperatorCommands commands =
                new OperatorCommands(operators, target.config().server().browserUrl());
            return run(OperatorActions.of(commands, BY), out);
          },
          service -> run(service.operators(), out));
    }

    abstract int run(OperatorActions commands, PrintWriter out);
  }

  /** A command on one operator, named by their email; prints what came of it. */
  abstract static class OnOneOperator extends OperatorCommand {
    @CommandLine.Parameters(
        index = "0",
        paramLabel = "EMAIL",
        description = "The operator's email.")
    String email = "";

    @Override
    final int run(OperatorActions commands, PrintWriter out) {
      return report(out, apply(commands));
    }

    abstract Outcome apply(OperatorActions commands);

    /** What was done to the operator, as they are now. */
    abstract String done(Operator operator);

    /** Prints a link or what was done; an unknown email or role, or a refusal, as an error. */
    private int report(PrintWriter out, Outcome outcome) {
      switch (outcome) {
        case Outcome.Done changed -> out.println(done(changed.operator()));
        case Outcome.Linked linked -> {
          out.println(
              done(linked.operator())
                  + "; send them this one-time link to set their password (valid until "
                  + TextTable.time(linked.expiresAt())
                  + "):");
          out.println(linked.link());
        }
        case Outcome.Unknown unknown -> {
          return error(unknown.message(), UNKNOWN);
        }
        case Outcome.Refused refused -> {
          return error(refused.message(), REFUSED);
        }
      }
      return 0;
    }

    private int error(String message, int exitCode) {
      spec.commandLine().getErr().println("error: " + message);
      return exitCode;
    }
  }

  /** {@code operators add EMAIL --role ROLE [--name NAME]}. */
  @Command(
      name = "add",
      description =
          "Invite an operator: prints a one-time link (valid 72 hours) to set their password.",
      mixinStandardHelpOptions = true)
  static final class Add extends OnOneOperator {
    @CommandLine.Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "viewer, editor or admin.")
    String role = "";

    @CommandLine.Option(names = "--name", paramLabel = "NAME", description = "Their name.")
    @Nullable String name;

    @Override
    Outcome apply(OperatorActions commands) {
      return commands.add(email, role, name);
    }

    @Override
    String done(Operator operator) {
      return "invited " + operator.email() + " as " + operator.role().word();
    }
  }

  /** {@code operators list}. */
  @Command(
      name = "list",
      description =
          "Every operator: email, name, role, state (invited, active, disabled), created.",
      mixinStandardHelpOptions = true)
  static final class ListOperators extends OperatorCommand {
    @Override
    int run(OperatorActions commands, PrintWriter out) {
      List<Operator> operators = commands.list();
      if (operators.isEmpty()) {
        out.println("no operators; `ghl-credly operators add EMAIL --role admin` invites one");
        return 0;
      }
      TextTable table = new TextTable("EMAIL", "NAME", "ROLE", "STATE", "CREATED");
      for (Operator operator : operators) {
        String name = operator.displayName();
        table.add(
            operator.email(),
            name == null ? "-" : name,
            operator.role().word(),
            operator.state().word(),
            TextTable.time(operator.createdAt()) + " by " + operator.createdBy());
      }
      table.print(out);
      return 0;
    }
  }

  /** {@code operators role EMAIL ROLE}. */
  @Command(
      name = "role",
      description = "Give an operator another role (the last enabled admin keeps theirs).",
      mixinStandardHelpOptions = true)
  static final class Role extends OnOneOperator {
    @CommandLine.Parameters(
        index = "1",
        paramLabel = "ROLE",
        description = "viewer, editor or admin.")
    String role = "";

    @Override
    Outcome apply(OperatorActions commands) {
      return commands.role(email, role);
    }

    @Override
    String done(Operator operator) {
      return operator.email() + " is now " + operator.role().word();
    }
  }

  /** {@code operators disable EMAIL}. */
  @Command(
      name = "disable",
      description =
          "Stop an operator from signing in and end their sessions (not the last enabled admin).",
      mixinStandardHelpOptions = true)
  static final class Disable extends OnOneOperator {
    @Override
    Outcome apply(OperatorActions commands) {
      return commands.disable(email);
    }

    @Override
    String done(Operator operator) {
      return operator.email() + " disabled; their sessions have ended";
    }
  }

  /** {@code operators enable EMAIL}. */
  @Command(
      name = "enable",
      description = "Let a disabled operator sign in again.",
      mixinStandardHelpOptions = true)
  static final class Enable extends OnOneOperator {
    @Override
    Outcome apply(OperatorActions commands) {
      return commands.enable(email);
    }

    @Override
    String done(Operator operator) {
      return operator.email() + " enabled";
    }
  }

  /** {@code operators reset EMAIL}. */
  @Command(
      name = "reset",
      description =
          "Print a new one-time link to set an operator's password; their earlier link stops"
              + " working, their password works until the new link is used.",
      mixinStandardHelpOptions = true)
  static final class Reset extends OnOneOperator {
    @Override
    Outcome apply(OperatorActions commands) {
      return commands.reset(email);
    }

    @Override
    String done(Operator operator) {
      return "new link for " + operator.email();
    }
  }
}

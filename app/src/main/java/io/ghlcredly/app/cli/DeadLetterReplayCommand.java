package io.ghlcredly.app.cli;

import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.sync.DeadLetterReplayer.Outcome;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code dead-letters replay (ID | --all) [--force]}: makes failed work run again. The jobs go into
 * the shared queue; a running {@code serve} instance runs them.
 */
@Command(
    name = "replay",
    description =
        "Replay a dead letter (or all not yet replayed): release the contact's failed badge"
            + " claims and actions, make its events pending again and queue the contact's sync"
            + " for the service to run (through the running service's admin API when one runs).",
    mixinStandardHelpOptions = true)
final class DeadLetterReplayCommand implements Callable<Integer> {
  @CommandLine.Mixin ConfigOption config = new ConfigOption();

  @CommandLine.Parameters(
      paramLabel = "ID",
      arity = "0..1",
      description = "A dead letter id from `list`.")
  @Nullable Long id;

  @CommandLine.Option(names = "--all", description = "Replay every dead letter not replayed yet.")
  boolean all;

  @CommandLine.Option(
      names = "--force",
      description = "Replay even what was replayed before (with --all: every dead letter).")
  boolean force;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Long single = id;
    if ((single == null) == !all) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give either a dead letter ID or --all");
    }
    PrintWriter out = spec.commandLine().getOut();
    OperatorTarget target = OperatorTarget.find(config.file(), spec.commandLine().getErr());
    if (single != null) {
      Outcome outcome =
          target.call(
              storage -> storage.replayer().replay(single, force),
              service -> service.replay(single, force));
      if (outcome instanceof Outcome.NotFound) {
        return DeadLettersCommand.unknown(spec, single);
      }
      out.println(describe(outcome));
      return 0;
    }
    List<Outcome> outcomes =
        target.call(
            storage -> storage.replayer().replayAll(force), service -> service.replayAll(force));
    if (outcomes.isEmpty()) {
      out.println("no dead letters to replay");
    }
    outcomes.forEach(outcome -> out.println(describe(outcome)));
    return 0;
  }

  private static String describe(Outcome outcome) {
    return switch (outcome) {
      case Outcome.Replayed replayed ->
          "dead letter %d replayed: released %d failed badge claim(s) and %d failed action(s),%s queued the sync of %s"
              .formatted(
                  replayed.id(),
                  replayed.releasedIssuances(),
                  replayed.releasedActions(),
                  replayed.eventsReopened() ? " reopened its events," : "",
                  replayed.queued().stream()
                      .map(ContactId::value)
                      .collect(Collectors.joining(", ")));
      case Outcome.AlreadyReplayed already ->
          "dead letter %d already replayed at %s; --force replays it again"
              .formatted(already.id(), TextTable.time(already.deadLetter().replayedAt()));
      case Outcome.NotFound notFound -> "no dead letter " + notFound.id();
    };
  }
}

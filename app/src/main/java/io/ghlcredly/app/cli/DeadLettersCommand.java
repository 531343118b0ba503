package io.ghlcredly.app.cli;

import io.ghlcredly.core.model.DeadLetter;
import io.ghlcredly.core.model.EventId;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ghl-credly dead-letters ...}: failed work, for operators to look at and replay. */
@Command(
    name = "dead-letters",
    description =
        "List, show and replay failed work (through the running service, else on the database).",
    mixinStandardHelpOptions = true,
    subcommands = {
      DeadLettersCommand.ListLetters.class,
      DeadLettersCommand.Show.class,
      DeadLetterReplayCommand.class
    })
final class DeadLettersCommand implements Runnable {
  /** Exit code of an id that names no dead letter: a usage error. */
  static final int UNKNOWN_ID = CommandLine.ExitCode.USAGE;

  private static final int CAUSE_WIDTH = 80;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code dead-letters list [--limit N] [--json]}: the newest dead letters. */
  @Command(
      name = "list",
      description = "The newest dead letters: id, when, kind, contact, attempts, replayed, cause.",
      mixinStandardHelpOptions = true)
  static final class ListLetters implements Callable<Integer> {
    @CommandLine.Mixin ConfigOption config = new ConfigOption();

    @CommandLine.Option(
        names = "--limit",
        paramLabel = "N",
        defaultValue = "50",
        description = "Show at most N (default: ${DEFAULT-VALUE}).")
    int limit;

    @CommandLine.Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      if (limit < 1) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1");
      }
      PrintWriter out = spec.commandLine().getOut();
      List<DeadLetter> letters =
          OperatorTarget.find(config.file(), spec.commandLine().getErr())
              .call(
                  storage -> storage.deadLetters().listRecent(limit),
                  service -> service.deadLetters(limit));
      if (json) {
        JsonOutput.print(out, letters.stream().map(letter -> fields(letter, false)).toList());
        return 0;
      }
      if (letters.isEmpty()) {
        out.println("no dead letters");
        return 0;
      }
      TextTable table =
          new TextTable("ID", "CREATED", "KIND", "CONTACT", "ATTEMPTS", "REPLAYED", "CAUSE");
      for (DeadLetter letter : letters) {
        table.add(
            Long.toString(letter.id()),
            TextTable.time(letter.createdAt()),
            letter.kind(),
            letter.contactId().value(),
            Integer.toString(letter.attempts()),
            TextTable.time(letter.replayedAt()),
            abbreviate(letter.cause()));
      }
      table.print(out);
      return 0;
    }
  }

  /** {@code dead-letters show ID [--json]}: one dead letter with its event ids and detail. */
  @Command(
      name = "show",
      description = "One dead letter in full: event ids, detail, cause.",
      mixinStandardHelpOptions = true)
  static final class Show implements Callable<Integer> {
    @CommandLine.Mixin ConfigOption config = new ConfigOption();

    @CommandLine.Parameters(paramLabel = "ID", description = "A dead letter id from `list`.")
    long id;

    @CommandLine.Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Optional<DeadLetter> found =
          OperatorTarget.find(config.file(), spec.commandLine().getErr())
              .call(storage -> storage.deadLetters().find(id), service -> service.deadLetter(id));
      if (found.isEmpty()) {
        return unknown(spec, id);
      }
      DeadLetter letter = found.get();
      if (json) {
        JsonOutput.print(out, fields(letter, true));
        return 0;
      }
      TextTable table = new TextTable("FIELD", "VALUE");
      table.add("id", Long.toString(letter.id()));
      table.add("created", TextTable.time(letter.createdAt()));
      table.add("kind", letter.kind());
      table.add("contact", letter.contactId().value());
      table.add("attempts", Integer.toString(letter.attempts()));
      table.add("replayed", TextTable.time(letter.replayedAt()));
      table.add("detail", letter.detail());
      table.add("cause", letter.cause());
      table.add("events", letter.eventIds().isEmpty() ? "-" : eventIds(letter).getFirst());
      for (String eventId : eventIds(letter).stream().skip(1).toList()) {
        table.add("", eventId);
      }
      table.print(out);
      return 0;
    }
  }

  /** Says that no dead letter has the id and returns the exit code for it. */
  static int unknown(CommandLine.Model.CommandSpec spec, long id) {
    spec.commandLine()
        .getErr()
        .println("error: no dead letter " + id + "; `ghl-credly dead-letters list` shows them");
    return UNKNOWN_ID;
  }

  /** The dead letter as JSON fields; with {@code full}, its event ids and detail too. */
  static Map<String, Object> fields(DeadLetter letter, boolean full) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", letter.id());
    fields.put("createdAt", JsonOutput.time(letter.createdAt()));
    fields.put("kind", letter.kind());
    fields.put("contactId", letter.contactId().value());
    fields.put("attempts", letter.attempts());
    fields.put("replayed", letter.replayedAt() != null);
    fields.put("replayedAt", JsonOutput.time(letter.replayedAt()));
    fields.put("cause", letter.cause());
    if (full) {
      fields.put("detail", letter.detail());
      fields.put("eventIds", eventIds(letter));
    }
    return fields;
  }

  private static List<String> eventIds(DeadLetter letter) {
    return letter.eventIds().stream().map(EventId::value).toList();
  }

  private static String abbreviate(String cause) {
    String oneLine = cause.replaceAll("\\s+", " ");
    return oneLine.length() <= CAUSE_WIDTH
        ? oneLine
        : oneLine.substring(0, CAUSE_WIDTH - 3) + "...";
  }
}

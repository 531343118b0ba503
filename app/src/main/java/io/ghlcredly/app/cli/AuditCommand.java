package io.ghlcredly.app.cli;

import io.ghlcredly.app.operations.AuditTrail;
import io.ghlcredly.core.model.ContactId;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ghl-credly audit --contact ID}: what happened to one contact, oldest first. */
@Command(
    name = "audit",
    description =
        "A contact's trail merged by time: events received, rule actions (journal) and badge"
            + " claims (ledger). Actions and badges stand at their last change.",
    mixinStandardHelpOptions = true)
final class AuditCommand implements Callable<Integer> {
  @CommandLine.Mixin ConfigOption config = new ConfigOption();

  @CommandLine.Option(
      names = "--contact",
      paramLabel = "ID",
      required = true,
      description = "The GHL contact id.")
  String contact;

  @CommandLine.Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "100",
      description = "Show the newest N entries at most (default: ${DEFAULT-VALUE}).")
  int limit;

  @CommandLine.Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (limit < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1");
    }
    if (contact.isBlank()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--contact must not be blank");
    }
    ContactId contactId = new ContactId(contact);
    PrintWriter out = spec.commandLine().getOut();
    List<AuditTrail.Entry> trail =
        OperatorTarget.find(config.file(), spec.commandLine().getErr())
            .call(
                storage ->
                    AuditTrail.merge(
                        storage.inbox().listByContact(contactId, limit),
                        storage.journal().listByContact(contactId, limit),
                        storage.ledger().listByContact(contactId),
                        storage.changes().listForContact(contactId, limit),
                        limit),
                service -> service.audit(contactId, limit));
    if (json) {
      JsonOutput.print(out, trail.stream().map(AuditCommand::fields).toList());
      return 0;
    }
    if (trail.isEmpty()) {
      out.println("nothing recorded for contact " + contact);
      return 0;
    }
    TextTable table = new TextTable("TIME", "KIND", "WHAT", "STATE", "DETAIL");
    for (AuditTrail.Entry entry : trail) {
      table.add(
          TextTable.time(entry.at()),
          entry.kind(),
          entry.subject(),
          entry.state(),
          entry.details().entrySet().stream()
              .map(field -> field.getKey() + "=" + quoted(field.getValue()))
              .collect(Collectors.joining(" ")));
    }
    table.print(out);
    return 0;
  }

  private static Map<String, Object> fields(AuditTrail.Entry entry) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("at", entry.at().toString());
    fields.put("kind", entry.kind());
    fields.put("subject", entry.subject());
    fields.put("state", entry.state());
    fields.putAll(entry.details());
    return fields;
  }

  private static String quoted(String value) {
    return value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)
        ? "\"" + value.replace("\"", "\\\"") + "\""
        : value;
  }
}

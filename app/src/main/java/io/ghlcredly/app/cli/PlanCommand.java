package io.ghlcredly.app.cli;

import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.sync.ContactPlanner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ghl-credly plan --contact ID}: what the engine would do for one contact as GHL has it now.
 * Reads the contact and the sync state; writes nothing (no job workers run).
 */
@Command(
    name = "plan",
    description = "Show what the sync would do for one contact now, without doing it.",
    mixinStandardHelpOptions = true)
final class PlanCommand implements Callable<Integer> {
  @CommandLine.Option(names = "--contact", required = true, paramLabel = "ID")
  String contact = "";

  @CommandLine.Option(
      names = "--location",
      paramLabel = "LOCATION",
      description = DefaultLocation.HELP)
  @Nullable String location;

  @CommandLine.Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "Configuration file (default: $GCS_CONFIG or ./ghl-credly.yaml).")
  @Nullable Path config;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final SyncServices.Opener opener;

  PlanCommand() {
    this(ApplicationServices::open);
  }

  PlanCommand(SyncServices.Opener opener) {
    this.opener = opener;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (SyncServices services = opener.open(ImportCommand.configFile(config), false)) {
      LocationId locationId = ImportCommand.location(spec, location, services);
      Optional<Contact> found = services.crm().findContact(locationId, new ContactId(contact));
      if (found.isEmpty()) {
        spec.commandLine().getErr().println("error: no contact " + contact + " in " + locationId);
        return 1;
      }
      print(out, services.planner().plan(found.get()));
    }
    return 0;
  }

  static void print(PrintWriter out, ContactPlanner.Plan plan) {
    if (plan.steps().isEmpty()) {
      out.println("contact " + plan.contactId() + ": nothing to do");
      return;
    }
    out.println("contact " + plan.contactId() + ":");
    for (ContactPlanner.Step step : plan.steps()) {
      out.println("  " + describe(step));
    }
    out.flush();
  }

  static String describe(ContactPlanner.Step step) {
    return step.ruleId()
        + " \u2192 "
        + step.action()
        + ": "
        + step.detail()
        + " (because "
        + step.reason()
        + ")";
  }
}

package io.ghlcredly.app.cli;

import io.ghlcredly.app.operations.DefaultLocation;
import io.ghlcredly.app.remote.ServiceClient;
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
 * Reads the contact and the sync state; writes nothing (no job workers run). Through the running
 * service when one runs for the configuration.
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
      description = ConfigFile.OPTION_HELP)
  @Nullable Path config;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final SyncServices.Opener opener;
  private final OperatorTarget.Finder finder;

  PlanCommand() {
    this(ApplicationServices::open, OperatorTarget::find);
  }

  /** Always in this process, with the given services (tests). */
  PlanCommand(SyncServices.Opener opener) {
    this(opener, (file, err) -> OperatorTarget.database(file));
  }

  PlanCommand(SyncServices.Opener opener, OperatorTarget.Finder finder) {
    this.opener = opener;
    this.finder = finder;
  }

  @Override
  public Integer call() {
    OperatorTarget target = finder.find(ConfigFile.of(config), spec.commandLine().getErr());
    ContactId contactId = new ContactId(contact);
    ServiceClient service = target.service().orElse(null);
    if (service != null) {
      LocationId locationId = ImportCommand.location(spec, location, service::defaultLocation);
      return print(locationId, service.plan(contactId, locationId));
    }
    try (SyncServices services = target.opening(() -> opener.open(target.file(), false))) {
      LocationId locationId = ImportCommand.location(spec, location, services::defaultLocation);
      return print(
          locationId,
          services.crm().findContact(locationId, contactId).map(services.planner()::plan));
    }
  }

  private int print(LocationId locationId, Optional<ContactPlanner.Plan> plan) {
    if (plan.isEmpty()) {
      spec.commandLine().getErr().println("error: no contact " + contact + " in " + locationId);
      return 1;
    }
    print(spec.commandLine().getOut(), plan.get());
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

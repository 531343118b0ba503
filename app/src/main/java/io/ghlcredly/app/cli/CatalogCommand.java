package io.ghlcredly.app.cli;

import io.ghlcredly.app.catalog.Catalogs;
import io.ghlcredly.http.catalog.Catalog;
import io.ghlcredly.http.catalog.OperationSpec;
import io.ghlcredly.http.catalog.ParamSpec;
import io.ghlcredly.http.catalog.TriggerSpec;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ghl-credly catalog}: every action and trigger, with parameters and scopes. */
@Command(
    name = "catalog",
    description = "List every action (callable with `call`) and every trigger.",
    mixinStandardHelpOptions = true)
final class CatalogCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Catalog catalog = Catalogs.forListing();
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "Actions (%d): name, request, scope, parameters (* required)%n",
        catalog.operations().size());
    for (OperationSpec operation : catalog.operations()) {
      out.printf(
          "  %-36s %-6s %-45s %-22s %s%s%n",
          operation.name(),
          operation.method(),
          operation.pathTemplate(),
          operation.requiredScope().orElse("-"),
          operation.params().stream()
              .map(CatalogCommand::describe)
              .collect(Collectors.joining(" ")),
          switch (operation.body()) {
            case NONE -> "";
            case OPTIONAL -> " [--body JSON]";
            case REQUIRED -> " --body JSON*";
          });
    }
    out.printf("Triggers (%d): name, provider event, delivery%n", catalog.triggers().size());
    for (TriggerSpec trigger : catalog.triggers()) {
      out.printf(
          "  %-36s %-22s %-20s %s%n",
          trigger.name(), trigger.providerEvent(), trigger.delivery(), trigger.summary());
    }
    return 0;
  }

  private static String describe(ParamSpec param) {
    return param.name() + (param.required() ? "*" : "");
  }
}

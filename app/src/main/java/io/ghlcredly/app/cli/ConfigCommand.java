package io.ghlcredly.app.cli;

import io.ghlcredly.app.ReconcileCoverage;
import io.ghlcredly.app.config.AppConfig;
import io.ghlcredly.app.config.ConfigLoader;
import io.ghlcredly.app.config.CredlyConfig;
import io.ghlcredly.app.config.ServerConfig;
import io.ghlcredly.app.config.TemplateReferences;
import io.ghlcredly.app.config.TemplateReferences.Reference;
import io.ghlcredly.app.config.WorkspaceConfig;
import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.error.ConfigException.ConfigProblem;
import io.ghlcredly.core.model.BadgeTemplateId;
import io.ghlcredly.credly.CredlyClient;
import io.ghlcredly.credly.CredlySettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
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

  /**
   * {@code config check FILE}: validates a file, printing each problem with its YAML path, then
   * asks Credly whether the badge templates the rules name exist.
   */
  @Command(
      name = "check",
      description =
          "Validate a configuration file and the badge templates its rules name;"
              + " exit 2 when it has problems.",
      mixinStandardHelpOptions = true)
  static final class Check implements Callable<Integer> {
    @CommandLine.Parameters(paramLabel = "FILE", description = "The YAML file to check.")
    Path file;

    @CommandLine.Option(
        names = "--offline",
        description = "Do not ask Credly whether the rules' badge templates exist.")
    boolean offline;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    private final Map<String, String> env;

    Check() {
      this(System.getenv());
    }

    /** Checks with the given environment instead of the process's (for tests). */
    Check(Map<String, String> env) {
      this.env = Map.copyOf(env);
    }

    @Override
    public Integer call() {
      List<ConfigProblem> problems = ConfigLoader.check(file, env);
      if (!problems.isEmpty()) {
        return report(problems);
      }
      AppConfig config = ConfigLoader.load(file, env);
      String note = "";
      if (!offline) {
        // Each workspace's templates are looked up in its own organization.
        List<ConfigProblem> unknown = new ArrayList<>();
        boolean any = false;
        for (int index = 0; index < config.workspaces().size(); index++) {
          WorkspaceConfig workspace = config.workspaces().get(index);
          List<Reference> references =
              TemplateReferences.of(workspace.rules(), workspace.pathPrefix(index));
          any |= !references.isEmpty();
          unknown.addAll(unknownTemplates(workspace.credly(), references));
        }
        if (!unknown.isEmpty()) {
          return report(unknown);
        }
        note = any ? " (badge templates found in Credly)" : "";
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(file + ": OK" + note);
      out.println(listening(config.server()));
      out.println(ReconcileCoverage.summary(config.ghl()));
      if (!config.implicitWorkspace()) {
        out.println(workspaces(config));
      }
      return 0;
    }

    /** One line per workspace: its name, locations, Credly organization and rules. */
    static String workspaces(AppConfig config) {
      StringBuilder text =
          new StringBuilder(
              config.workspaces().size()
                  + " workspaces (each location's events run its workspace's rules; a location in none waits until an admin assigns it):");
      for (WorkspaceConfig workspace : config.workspaces()) {
        int rules = workspace.rules().rules().size();
        text.append(System.lineSeparator())
            .append("  ")
            .append(workspace.id())
            .append(" \"")
            .append(workspace.name())
            .append("\": ")
            .append(
                workspace.locations().isEmpty()
                    ? "no location yet (assign them in the browser)"
                    : (workspace.locations().size() == 1 ? "location " : "locations ")
                        + String.join(", ", workspace.locations()))
            .append("; Credly organization ")
            .append(workspace.credly().organizationId())
            .append("; ")
            .append(rules)
            .append(rules == 1 ? " rule" : " rules");
      }
      return text.toString();
    }

    /** Where the service will listen, and for what (server.host, port, management-port). */
    static String listening(ServerConfig server) {
      Integer management = server.managementPort();
      String main = server.host() + ":" + server.port();
      if (management == null) {
        return "listens on "
            + main
            + " (webhooks, OAuth, health, admin API, dashboard, metrics)"
            + (server.adminToken() == null
                ? "; no server.admin-token: operator commands cannot go through the running"
                    + " service (on H2 they then need it stopped)"
                : "");
      }
      return "listens on "
          + main
          + " (webhooks, OAuth, health) and "
          + server.host()
          + ":"
          + management
          + " (admin API, dashboard, metrics)";
    }

    private int report(List<ConfigProblem> problems) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(file + ": " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s"));
      for (ConfigProblem problem : problems) {
        err.println("  " + problem.path() + ": " + problem.reason());
      }
      return ErrorHandler.CONFIG_ERROR;
    }

    /**
     * The references to templates Credly does not know. When Credly cannot answer, a warning is
     * printed and nothing is reported: the file itself is fine.
     */
    private List<ConfigProblem> unknownTemplates(CredlyConfig credly, List<Reference> references) {
      Set<BadgeTemplateId> ids = new LinkedHashSet<>();
      references.forEach(reference -> ids.add(reference.templateId()));
      if (ids.isEmpty()) {
        return List.of();
      }
      CredlyClient client = CredlyClient.create(settings(credly));
      Set<BadgeTemplateId> unknown = new LinkedHashSet<>();
      for (BadgeTemplateId id : ids) {
        String failure = lookUp(client, id, unknown);
        if (failure != null) {
          spec.commandLine()
              .getErr()
              .println(
                  "warning: badge templates not verified, Credly did not answer ("
                      + failure
                      + "); use --offline to skip this check");
          return List.of();
        }
      }
      List<ConfigProblem> problems = new ArrayList<>();
      for (Reference reference : references) {
        if (unknown.contains(reference.templateId())) {
          problems.add(
              new ConfigProblem(
                  reference.path(),
                  "unknown badge template "
                      + reference.templateId()
                      + " (Credly organization "
                      + credly.organizationId()
                      + " has none with this id)"));
        }
      }
      return problems;
    }

    /** Null when Credly answered (adding an unknown id to {@code unknown}), else why not. */
    private static @Nullable String lookUp(
        CredlyClient client, BadgeTemplateId id, Set<BadgeTemplateId> unknown) {
      try {
        client.badgeTemplate(id.value());
        return null;
      } catch (ApiException e) {
        if (e.status() == 404) {
          unknown.add(id);
          return null;
        }
        return e.status() > 0 ? "HTTP " + e.status() : e.kind().name().toLowerCase(Locale.ROOT);
      }
    }

    private static CredlySettings settings(CredlyConfig credly) {
      return new CredlySettings(
          credly.apiBaseUrl(),
          credly.organizationId(),
          credly.credentials(),
          credly.timeout(),
          credly.maxConcurrency());
    }
  }
}

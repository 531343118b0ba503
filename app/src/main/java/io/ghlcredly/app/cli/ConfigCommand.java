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
              + " exit 2 when it has problems, 3 when Credly could not be asked.",
      mixinStandardHelpOptions = true)
  static final class Check implements Callable<Integer> {
    /** The exit code when the file is valid but Credly could not be asked (not an OK). */
    static final int NOT_VERIFIED = 3;

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
      List<String> notVerified = new ArrayList<>();
      if (!offline) {
        // Each workspace's templates are looked up in its own organization.
        List<ConfigProblem> found = new ArrayList<>();
        boolean any = false;
        for (int index = 0; index < config.workspaces().size(); index++) {
          WorkspaceConfig workspace = config.workspaces().get(index);
          String prefix = workspace.pathPrefix(index);
          List<Reference> references = TemplateReferences.of(workspace.rules(), prefix);
          any |= !references.isEmpty();
          String unverified = verifyCredly(workspace.credly(), prefix, references, found);
          if (unverified != null) {
            notVerified.add(unverified);
          }
        }
        if (!found.isEmpty()) {
          int exit = report(found);
          notVerified.forEach(
              line -> spec.commandLine().getErr().println("  not verified: " + line));
          return exit;
        }
        note =
            !notVerified.isEmpty()
                ? ""
                : any ? " (badge templates found in Credly)" : " (Credly accepted the credentials)";
      }
      PrintWriter out = spec.commandLine().getOut();
      if (notVerified.isEmpty()) {
        out.println(file + ": OK" + note);
      } else {
        out.println(file + ": not verified (the file is valid, but Credly could not be asked)");
        notVerified.forEach(line -> out.println("  not verified: " + line));
      }
      out.println(listening(config.server()));
      out.println(ReconcileCoverage.summary(config.ghl()));
      if (!config.implicitWorkspace()) {
        out.println(workspaces(config));
      }
      return notVerified.isEmpty() ? 0 : NOT_VERIFIED;
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
     * Asks the workspace's organization for itself, then for the templates its rules name: an
     * unknown template or organization id, or a credential Credly refuses (401, 403: at the
     * credential's path), is added to {@code problems}.
     *
     * @return null when Credly answered; else what could not be verified, and why
     */
    private @Nullable String verifyCredly(
        CredlyConfig credly,
        String prefix,
        List<Reference> references,
        List<ConfigProblem> problems) {
      Set<BadgeTemplateId> ids = new LinkedHashSet<>();
      references.forEach(reference -> ids.add(reference.templateId()));
      CredlyClient client = CredlyClient.create(settings(credly));
      String label = prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1) + ": ";
      try {
        // The cheapest authenticated call: are the credentials and the organization id right?
        client.organization();
      } catch (ApiException e) {
        if (e.status() == 404) {
          problems.add(
              new ConfigProblem(
                  prefix + "credly.organization-id",
                  "Credly has no organization "
                      + credly.organizationId()
                      + " (HTTP 404): copy its id from Credly: Settings > Organization"));
          return null;
        }
        return failure(credly, prefix, label, e, problems);
      }
      Set<BadgeTemplateId> unknown = new LinkedHashSet<>();
      for (BadgeTemplateId id : ids) {
        try {
          client.badgeTemplate(id.value());
        } catch (ApiException e) {
          if (e.status() != 404) {
            return failure(credly, prefix, label, e, problems);
          }
          unknown.add(id);
        }
      }
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
      return null;
    }

    /**
     * A refused credential (401, 403) is added to {@code problems}; any other failure is returned
     * as what could not be verified, and why.
     */
    private static @Nullable String failure(
        CredlyConfig credly,
        String prefix,
        String label,
        ApiException e,
        List<ConfigProblem> problems) {
      if (e.status() == 401 || e.status() == 403) {
        problems.add(refused(credly, prefix, e.status()));
        return null;
      }
      return label
          + "the credentials and badge templates, since Credly did not answer ("
          + (e.status() > 0 ? "HTTP " + e.status() : e.kind().name().toLowerCase(Locale.ROOT))
          + " from "
          + credly.apiBaseUrl()
          + "); use --offline to skip this check";
    }

    /** Credly refused the credential: the problem is at the credential's path, not the rules'. */
    private static ConfigProblem refused(CredlyConfig credly, String prefix, int status) {
      boolean oauth = credly.usesOAuth();
      return new ConfigProblem(
          prefix + (oauth ? "credly.auth.client-secret" : "credly.auth.token"),
          "Credly refused the "
              + (oauth ? "client credentials" : "token")
              + " (HTTP "
              + status
              + ") for organization "
              + credly.organizationId()
              + ": "
              + (oauth
                  ? "check credly.auth.client-id and client-secret in Credly's API settings"
                  : "create a new token in Credly and set it here"));
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

package io.ghlcredly.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ghlcredly.app.catalog.Catalogs;
import io.ghlcredly.app.config.AppConfig;
import io.ghlcredly.app.config.WorkspaceArgument;
import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.error.ConfigException;
import io.ghlcredly.core.model.WorkspaceId;
import io.ghlcredly.http.catalog.Catalog;
import io.ghlcredly.http.catalog.Operation;
import io.ghlcredly.http.catalog.OperationCall;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ghl-credly call NAME --param k=v ... [--body FILE|-]}: invokes any catalog action against
 * the configured account (or another base URL) and prints the JSON response. Support's tool for
 * looking at a customer's account.
 */
@Command(
    name = "call",
    description = "Invoke an action from the catalog and print its JSON response.",
    mixinStandardHelpOptions = true)
final class CallCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @CommandLine.Parameters(paramLabel = "ACTION", description = "An action name from `catalog`.")
  String name;

  @CommandLine.Option(
      names = {"-p", "--param"},
      paramLabel = "NAME=VALUE",
      description = "A path or query parameter; repeat for more.")
  Map<String, String> params = new LinkedHashMap<>();

  @CommandLine.Option(
      names = "--body",
      paramLabel = "FILE",
      description = "JSON request body from a file, or - for standard input.")
  @Nullable String body;

  @CommandLine.Option(
      names = "--workspace",
      paramLabel = "ID",
      description =
          "whose Credly organization Credly actions use (needed when the configuration has"
              + " several workspaces)")
  @Nullable String workspace;

  @CommandLine.Option(
      names = "--base-url",
      paramLabel = "URL",
      description = "Send to this base URL instead of the configured one (an emulator, a sandbox).")
  @Nullable URI baseUrl;

  @CommandLine.Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description =
          "Configuration file with the credentials (default: $GCS_CONFIG or ./ghl-credly.yaml).")
  @Nullable Path config;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    AppConfig loaded = ConfigFile.of(config).load();
    if (name.startsWith("ghl.") && loaded.ghl().privateToken() == null) {
      throw new ConfigException(
          "ghl.auth.private-token",
          "`call` reaches GHL with a Private Integration Token only; in OAuth mode the installed"
              + " locations' tokens stay in the service (Credly actions work: --workspace ID)");
    }
    // Only Credly actions depend on the workspace: a GHL action takes any (the first).
    WorkspaceId chosen =
        workspace != null
            ? WorkspaceArgument.parse(workspace)
            : name.startsWith("credly.") ? null : loaded.workspaces().get(0).id();
    Catalog catalog = Catalogs.forConfig(loaded, baseUrl, chosen);
    Operation operation =
        catalog
            .find(name)
            .orElseThrow(
                () ->
                    new CommandLine.ParameterException(
                        spec.commandLine(),
                        "unknown action '" + name + "'; `ghl-credly catalog` lists them"));
    try {
      String response = operation.invoke(new OperationCall(params, readBody()));
      spec.commandLine().getOut().println(pretty(response));
      return 0;
    } catch (IllegalArgumentException badArguments) {
      throw new CommandLine.ParameterException(spec.commandLine(), badArguments.getMessage());
    } catch (ApiException failed) {
      spec.commandLine().getErr().println("error: " + failed.getMessage());
      return 1;
    }
  }

  private @Nullable String readBody() throws IOException {
    if (body == null) {
      return null;
    }
    if (body.equals("-")) {
      InputStream in = System.in;
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return Files.readString(Path.of(body));
  }

  private static String pretty(String json) {
    if (json.isBlank()) {
      return "";
    }
    try {
      JsonNode tree = JSON.readTree(json);
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    } catch (IOException notJson) {
      return json;
    }
  }
}

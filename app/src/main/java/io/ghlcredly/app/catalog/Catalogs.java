package io.ghlcredly.app.catalog;

import io.ghlcredly.app.config.AppConfig;
import io.ghlcredly.app.config.CredlyConfig;
import io.ghlcredly.app.config.WorkspaceConfig;
import io.ghlcredly.core.error.ConfigException;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.core.model.WorkspaceId;
import io.ghlcredly.credly.CredlyClient;
import io.ghlcredly.credly.CredlyOperations;
import io.ghlcredly.credly.CredlySettings;
import io.ghlcredly.ghl.GhlClient;
import io.ghlcredly.ghl.GhlSettings;
import io.ghlcredly.ghl.operation.GhlOperations;
import io.ghlcredly.http.catalog.Catalog;
import io.ghlcredly.http.catalog.Operation;
import io.ghlcredly.http.catalog.TriggerSpec;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Builds the catalog of both connectors, for listing or bound to configured accounts. */
public final class Catalogs {
  private static final Secret NO_TOKEN = Secret.of("listing-only");
  private static final String LISTING_ORGANIZATION = "00000000-0000-0000-0000-000000000000";

  private Catalogs() {}

  /** The catalog for describing actions: its clients hold no credentials and are never called. */
  public static Catalog forListing() {
    GhlClient ghl = GhlClient.create(GhlSettings.defaults(NO_TOKEN));
    CredlyClient credly =
        CredlyClient.create(
            new CredlySettings(
                CredlySettings.SANDBOX, LISTING_ORGANIZATION, NO_TOKEN, Duration.ofSeconds(30)));
    return build(ghl, credly);
  }

  /**
   * The catalog bound to the configured accounts.
   *
   * @param baseUrl sends every action here instead of the configured API (an emulator, a proxy)
   */
  public static Catalog forConfig(AppConfig config, @Nullable URI baseUrl) {
    return forConfig(config, baseUrl, null);
  }

  /**
   * The catalog bound to the configured accounts, with the Credly organization of the workspace.
   *
   * @param workspace whose Credly organization Credly actions use; may be null only when the
   *     configuration has one workspace
   */
  public static Catalog forConfig(
      AppConfig config, @Nullable URI baseUrl, @Nullable WorkspaceId workspace) {
    Secret token = config.ghl().privateToken();
    // In OAuth mode the Credly actions still work; the GHL ones are refused before any call
    // (CallCommand), since the tokens of installed locations live in the service's database.
    GhlSettings settings =
        new GhlSettings(
            baseUrl != null ? baseUrl : config.ghl().baseUrl(),
            config.ghl().apiVersion(),
            token == null ? NO_TOKEN : token,
            GhlSettings.DEFAULT_TIMEOUT);
    CredlyConfig credly = workspaceOf(config, workspace).credly();
    CredlyClient credlyClient =
        CredlyClient.create(
            new CredlySettings(
                baseUrl != null ? baseUrl : credly.apiBaseUrl(),
                credly.organizationId(),
                credly.credentials(),
                credly.timeout(),
                credly.maxConcurrency()));
    return build(GhlClient.create(settings), credlyClient);
  }

  private static WorkspaceConfig workspaceOf(AppConfig config, @Nullable WorkspaceId workspace) {
    String ids =
        String.join(", ", config.workspaces().stream().map(each -> each.id().value()).toList());
    if (workspace == null) {
      if (config.workspaces().size() > 1) {
        throw new ConfigException(
            "--workspace",
            "the configuration has several workspaces, each with its own Credly organization:"
                + " name one ("
                + ids
                + ")");
      }
      return config.workspaces().get(0);
    }
    return config
        .workspace(workspace)
        .orElseThrow(
            () ->
                new ConfigException(
                    "--workspace",
                    "no workspace '" + workspace + "' in the configuration (" + ids + ")"));
  }

  private static Catalog build(GhlClient ghl, CredlyClient credly) {
    List<Operation> operations = new ArrayList<>(GhlOperations.operations(ghl));
    operations.addAll(CredlyOperations.operations(credly));
    List<TriggerSpec> triggers = new ArrayList<>(GhlOperations.triggers());
    triggers.addAll(CredlyOperations.triggers());
    return new Catalog(operations, triggers);
  }
}

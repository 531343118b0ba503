package io.ghlcredly.app.catalog;

import io.ghlcredly.app.config.AppConfig;
import io.ghlcredly.core.error.ConfigException;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.ghl.GhlClient;
import io.ghlcredly.ghl.GhlSettings;
import io.ghlcredly.ghl.operation.GhlOperations;
import io.ghlcredly.http.catalog.Catalog;
import io.ghlcredly.http.catalog.Operation;
import io.ghlcredly.http.catalog.TriggerSpec;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Builds the catalog of both connectors, for listing or bound to configured accounts. */
public final class Catalogs {
  private static final Secret NO_TOKEN = Secret.of("listing-only");

  private Catalogs() {}

  /** The catalog for describing actions: its clients hold no credentials and are never called. */
  public static Catalog forListing() {
    GhlClient ghl = GhlClient.create(GhlSettings.defaults(NO_TOKEN));
    return build(ghl);
  }

  /**
   * The catalog bound to the configured accounts.
   *
   * @param baseUrl sends every action here instead of the configured API (an emulator, a proxy)
   */
  public static Catalog forConfig(AppConfig config, @Nullable URI baseUrl) {
    Secret token = config.ghl().privateToken();
    if (token == null) {
      throw new ConfigException(
          "ghl.auth.private-token", "`call` needs a token: OAuth accounts are not wired yet");
    }
    GhlSettings settings =
        new GhlSettings(
            baseUrl != null ? baseUrl : config.ghl().baseUrl(),
            config.ghl().apiVersion(),
            token,
            GhlSettings.DEFAULT_TIMEOUT);
    return build(GhlClient.create(settings));
  }

  private static Catalog build(GhlClient ghl) {
    List<Operation> operations = new ArrayList<>(GhlOperations.operations(ghl));
    List<TriggerSpec> triggers = new ArrayList<>(GhlOperations.triggers());
    return new Catalog(operations, triggers);
  }
}

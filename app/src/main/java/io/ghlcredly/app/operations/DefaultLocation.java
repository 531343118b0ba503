package io.ghlcredly.app.operations;

import io.ghlcredly.app.config.GhlConfig;
import org.jspecify.annotations.Nullable;

/** The location {@code import} and {@code plan} use when {@code --location} is not given. */
public final class DefaultLocation {
  public static final String HELP =
      "The GHL location (sub-account) id (default: the Private Integration Token's location,"
          + " ghl.auth.location-id; in OAuth mode the one id of ghl.locations, if it lists one).";

  public static final String REQUIRED =
      "--location is required in OAuth mode unless ghl.locations lists exactly one location:"
          + " give the id of an installed location (GET /admin/api/accounts lists them)";

  private DefaultLocation() {}

  /** The token's location; in OAuth mode the only allowed location; else null. */
  public static @Nullable String of(GhlConfig ghl) {
    return switch (ghl.mode()) {
      case PRIVATE_TOKEN -> ghl.privateTokenLocation();
      case OAUTH -> ghl.locations().size() == 1 ? ghl.locations().get(0) : null;
    };
  }
}

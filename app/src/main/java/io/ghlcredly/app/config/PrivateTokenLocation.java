package io.ghlcredly.app.config;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Binds {@code ghl.auth.location-id}: the location (sub-account) a Private Integration Token
 * belongs to. GHL has no endpoint that tells a token's location, so it is configured. Files written
 * before the key existed name it as the one id of {@code ghl.locations}, which still counts.
 */
final class PrivateTokenLocation {
  static final String KEY = "location-id";

  static final String REQUIRED =
      "required with mode private-token: the id of the sub-account (location) the Private"
          + " Integration Token belongs to; in GHL it is under Settings > Business Profile, and in"
          + " the address bar after /location/";

  static final String SEVERAL =
      "a Private Integration Token reaches one location: list only the token's location, or"
          + " none (use mode oauth for several locations)";

  private PrivateTokenLocation() {}

  /** The token's location, or null after reporting why there is none. */
  static @Nullable String bind(Section auth, Section ghl, List<String> locations) {
    int before = auth.context().problemCount();
    String written = auth.text(KEY);
    if (written != null && !ConnectorBinder.LOCATION_ID.matcher(written).matches()) {
      auth.problem(KEY, "must be a GHL location id, got '" + written + "'");
      written = null;
    }
    // A value that could not be read (a missing ${VARIABLE}) is reported already.
    boolean unreadable = auth.context().problemCount() > before;
    if (locations.size() > 1) {
      ghl.problem("locations", SEVERAL);
    } else if (written != null && locations.size() == 1 && !locations.contains(written)) {
      ghl.problem(
          "locations",
          "lists '"
              + locations.get(0)
              + "', not the token's location '"
              + written
              + "' (ghl.auth.location-id): list only the token's location, or leave locations out");
    }
    if (written != null) {
      return written;
    }
    if (locations.size() == 1) {
      return locations.get(0);
    }
    if (!unreadable) {
      auth.problem(KEY, REQUIRED);
    }
    return null;
  }
}

package io.ghlcredly.testkit.ghl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ghlcredly.testkit.ghl.oauth.GhlOAuthEmulator;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The company's locations: {@code GET /locations/{locationId}} (get-location, apps/locations.json:
 * a location token or PIT reads its own location, an agency token any location of its company) and
 * {@code GET /oauth/installedLocations} (get-installed-location, apps/oauth.json: agency tokens
 * only; offset paging with {@code skip}/{@code limit}, filters {@code query} on the name, {@code
 * isInstalled} and {@code locationId}). The caller's token class and scope are checked before.
 * Thread-safe (reads only thread-safe parts).
 */
final class GhlLocationRoutes {
  private static final int DEFAULT_LIMIT = 20;

  private final EmulatedLocations locations;
  private final GhlOAuthEmulator oauth;

  GhlLocationRoutes(EmulatedLocations locations, GhlOAuthEmulator oauth) {
    this.locations = locations;
    this.oauth = oauth;
  }

  EmulatorResponse location(EmulatorRequest request, GhlCaller caller) {
    String locationId = request.pathParam("locationId");
    boolean reachable =
        locations.contains(locationId)
            && (caller.company()
                ? caller.accountId().equals(oauth.companyId())
                : caller.accountId().equals(locationId));
    if (!reachable) {
      // Not in the spec's responses; HighLevel's observed answer for another location (ghl.md §5).
      return GhlResponses.noAccessToLocation();
    }
    ObjectNode location =
        GhlResponses.object()
            .put("id", locationId)
            .put("companyId", oauth.companyId())
            .put("name", locations.require(locationId).name());
    return GhlResponses.ok(200, GhlResponses.wrap("location", location));
  }

  EmulatorResponse installedLocations(EmulatorRequest request, GhlCaller caller) {
    Map<String, String> query = request.query();
    String companyId = query.getOrDefault("companyId", "");
    String appId = query.getOrDefault("appId", "");
    if (companyId.isBlank() || appId.isBlank()) {
      return GhlResponses.unprocessable(
          List.of("companyId should not be empty", "appId should not be empty"));
    }
    if (!companyId.equals(caller.accountId())) {
      return GhlResponses.error(403, "The token does not have access to this company.");
    }
    if (!appId.equals(oauth.appId())) {
      return GhlResponses.error(400, "App not found");
    }
    List<ObjectNode> matching =
        locations.ids().stream().map(this::installedLocation).filter(filter(query)).toList();
    int skip = (int) Math.min(number(query.get("skip"), 0), matching.size());
    int limit = (int) Math.max(number(query.get("limit"), DEFAULT_LIMIT), 0);
    ObjectNode response = GhlResponses.object();
    ArrayNode page = response.putArray("locations");
    matching.subList(skip, Math.min(matching.size(), skip + limit)).forEach(page::add);
    response.put("count", matching.size());
    response.put("installToFutureLocations", false);
    return GhlResponses.ok(200, response);
  }

  private ObjectNode installedLocation(String locationId) {
    return GhlResponses.object()
        .put("_id", locationId)
        .put("name", locations.require(locationId).name())
        .put("address", "")
        .put("isInstalled", oauth.installedOn(locationId));
  }

  private static Predicate<ObjectNode> filter(Map<String, String> query) {
    String name = query.getOrDefault("query", "").toLowerCase(Locale.ROOT);
    String installed = query.get("isInstalled");
    String locationId = query.get("locationId");
    return location ->
        location.path("name").asText().toLowerCase(Locale.ROOT).contains(name)
            && (installed == null
                || location.path("isInstalled").asBoolean() == Boolean.parseBoolean(installed))
            && (locationId == null || location.path("_id").asText().equals(locationId));
  }

  private static long number(@Nullable String value, long fallback) {
    try {
      return value == null || value.isBlank() ? fallback : Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}

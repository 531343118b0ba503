package io.ghlcredly.testkit.credly;

import com.fasterxml.jackson.databind.JsonNode;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import io.ghlcredly.testkit.server.EmulatorServer;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

/**
 * The routes outside any one organization's path: {@code GET /organizations} (the organizations the
 * caller's token may act for: its own), the earner's accept and reject links ({@code GET
 * /badges/{id}/accept}, no token, whichever organization issued the badge) and the OAuth token
 * endpoint ({@code POST /oauth/token}, outside {@code /v1} as on Credly's web host; the client id
 * says which organization the access token acts for). Thread-safe.
 */
final class DirectoryRoutes {
  private final CredlyOrganizations organizations;
  private final InstantSource clock;

  DirectoryRoutes(CredlyOrganizations organizations, InstantSource clock) {
    this.organizations = organizations;
    this.clock = clock;
  }

  void register(EmulatorServer server) {
    server.route("GET", "/organizations", RouteGuard.safely(this::list));
    server.route("GET", "/badges/{id}/accept", RouteGuard.safely(r -> earner(r, Badge.ACCEPTED)));
    server.route("GET", "/badges/{id}/reject", RouteGuard.safely(r -> earner(r, Badge.REJECTED)));
    server.route("POST", "/oauth/token", RouteGuard.safely(this::token));
  }

  private EmulatorResponse list(EmulatorRequest request) {
    return switch (organizations.authenticate(request)) {
      case CredlyOrganizations.Caller.Refused refused -> RouteGuard.failure(401, refused.message());
      case CredlyOrganizations.Caller.Known known -> {
        CredlyOrganization own = known.organization();
        List<JsonNode> items = List.of(own.routes().organization());
        CredlyJson.PageLinks links =
            new CredlyJson.PageLinks(1, items.size(), 1, Paging.DEFAULT_PER, null, null);
        yield EmulatorResponse.json(200, own.json().page(items, links));
      }
    };
  }

  private EmulatorResponse earner(EmulatorRequest request, String newState) {
    return organizations
        .withBadge(request.pathParam("id"))
        .map(organization -> organization.routes().earner(request, newState))
        .orElseGet(() -> RouteGuard.failure(404, "Badge not found"));
  }

  private EmulatorResponse token(EmulatorRequest request) {
    Map<String, String> form = request.form();
    // An unknown client is refused by any organization's access, in Credly's words.
    CredlyOrganization organization =
        organizations.withClient(form.getOrDefault("client_id", "")).orElse(organizations.first());
    CredlyJson json = organization.json();
    return switch (organization.access().grant(form)) {
      case CredlyAccess.Grant.Issued issued ->
          EmulatorResponse.json(
              200,
              json.accessToken(
                  issued.accessToken(), issued.expiresIn(), issued.scope(), clock.instant()));
      case CredlyAccess.Grant.Refused refused ->
          EmulatorResponse.json(
              refused.status(), json.oauthError(refused.error(), refused.description()));
    };
  }
}

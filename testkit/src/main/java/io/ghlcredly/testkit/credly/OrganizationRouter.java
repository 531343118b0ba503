package io.ghlcredly.testkit.credly;

import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import io.ghlcredly.testkit.server.EmulatorServer;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves every organization from one host, as Credly does: each {@code /organizations/{org}/...}
 * pattern is registered once, and a request goes to the handler of the organization in its path
 * after its credentials are checked against that organization. Thread-safe.
 */
final class OrganizationRouter {
  /** The prefix of every per-organization route. */
  static final String ORGANIZATION = "/organizations/{org}";

  /**
   * Credly's answer to a valid token of another organization is not documented; credly.md §9 infers
   * 403 for "org not authorized" (an unknown organization is 404, as before).
   */
  static final String FOREIGN = "You are not authorized to access this organization";

  private final EmulatorServer server;
  private final CredlyOrganizations organizations;
  private final Set<RouteTable.Key> registered = ConcurrentHashMap.newKeySet();

  OrganizationRouter(EmulatorServer server, CredlyOrganizations organizations) {
    this.server = server;
    this.organizations = organizations;
  }

  /** Makes the organization's routes reachable (patterns new to the server are registered). */
  void add(CredlyOrganization organization) {
    for (RouteTable.Key key : organization.table().keys()) {
      if (registered.add(key)) {
        server.route(
            key.method(), key.pattern(), RouteGuard.safely(request -> route(key, request)));
      }
    }
  }

  private EmulatorResponse route(RouteTable.Key key, EmulatorRequest request) {
    CredlyOrganizations.Caller caller = organizations.authenticate(request);
    if (caller instanceof CredlyOrganizations.Caller.Refused refused) {
      return RouteGuard.failure(401, refused.message());
    }
    Optional<CredlyOrganization> target = organizations.find(request.pathParam("org"));
    if (target.isEmpty()) {
      return RouteGuard.failure(404, "Organization not found");
    }
    if (!(caller instanceof CredlyOrganizations.Caller.Known known)
        || known.organization() != target.get()) {
      return RouteGuard.failure(403, FOREIGN);
    }
    return target
        .get()
        .table()
        .handler(key)
        .orElseThrow(() -> new IllegalStateException("no handler for " + key))
        .apply(request);
  }
}

package io.ghlcredly.testkit.credly;

import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.RequestTracker;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The organizations one emulator hosts, in the order they were added (the first is the emulator's
 * own), and who a request's credentials belong to. Thread-safe: organizations are only ever added.
 */
final class CredlyOrganizations implements RequestTracker {
  private static final String PREFIX = "/organizations/";

  private final List<CredlyOrganization> ordered = new CopyOnWriteArrayList<>();
  private final Map<String, CredlyOrganization> byId = new ConcurrentHashMap<>();

  void add(CredlyOrganization organization) {
    if (byId.putIfAbsent(organization.organizationId(), organization) != null) {
      throw new IllegalArgumentException(
          "organization already hosted: " + organization.organizationId());
    }
    ordered.add(organization);
  }

  List<CredlyOrganization> all() {
    return List.copyOf(ordered);
  }

  CredlyOrganization first() {
    return ordered.get(0);
  }

  Optional<CredlyOrganization> find(String organizationId) {
    return Optional.ofNullable(byId.get(organizationId));
  }

  /** Whose credentials the request carries: the organization, or why the API refuses it. */
  Caller authenticate(EmulatorRequest request) {
    String refusal = CredlyAccess.NO_TOKEN;
    for (CredlyOrganization organization : ordered) {
      switch (organization.access().check(request)) {
        case CredlyAccess.Verdict.Allowed allowed -> {
          return new Caller.Known(organization);
        }
        case CredlyAccess.Verdict.Refused refused -> {
          return new Caller.Refused(refused.message());
        }
        case CredlyAccess.Verdict.NotOurs notOurs -> refusal = notOurs.message();
      }
    }
    return new Caller.Refused(refusal);
  }

  /** The organization that registered the OAuth client, if any. */
  Optional<CredlyOrganization> withClient(String clientId) {
    return ordered.stream().filter(o -> o.access().knowsClient(clientId)).findFirst();
  }

  /** The organization holding the badge (badge ids are unique across Credly), if any. */
  Optional<CredlyOrganization> withBadge(String badgeId) {
    return ordered.stream().filter(o -> o.badge(badgeId).isPresent()).findFirst();
  }

  /** Counts every request to an organization's routes in that organization's gauge. */
  @Override
  public Runnable started(String method, String path) {
    if (!path.startsWith(PREFIX)) {
      return () -> {};
    }
    int end = path.indexOf('/', PREFIX.length());
    String organizationId = path.substring(PREFIX.length(), end < 0 ? path.length() : end);
    return find(organizationId).map(o -> o.inFlight().enter()).orElse(() -> {});
  }

  /** Who called: an organization's valid credentials, or a refusal with Credly's message. */
  sealed interface Caller {
    record Known(CredlyOrganization organization) implements Caller {}

    record Refused(String message) implements Caller {}
  }

  void close() {
    ordered.forEach(CredlyOrganization::close);
  }
}

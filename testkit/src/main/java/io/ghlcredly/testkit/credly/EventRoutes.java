package io.ghlcredly.testkit.credly;

import com.fasterxml.jackson.databind.JsonNode;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import io.ghlcredly.testkit.server.EmulatorServer;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Function;

/**
 * The organization's events ({@code GET .../events}, {@code .../events/{id}}) and the OAuth token
 * endpoint ({@code POST /oauth/token}, outside {@code /v1} as on Credly's web host). Thread-safe.
 */
final class EventRoutes {
  private final CredlyState state;
  private final CredlyAccess access;
  private final RouteGuard guard;
  private final CredlyJson json;
  private final Function<Badge, JsonNode> renderBadge;
  private final InstantSource clock;
  private final String listUrl;

  EventRoutes(
      CredlyState state,
      CredlyAccess access,
      RouteGuard guard,
      Function<Badge, JsonNode> renderBadge,
      InstantSource clock,
      String apiBase,
      String organizationId) {
    this.state = state;
    this.access = access;
    this.guard = guard;
    this.json = guard.json();
    this.renderBadge = renderBadge;
    this.clock = clock;
    this.listUrl = apiBase + "/organizations/" + organizationId + "/events";
  }

  void register(EmulatorServer server) {
    String events = "/organizations/{org}/events";
    server.route("GET", events, guard.inOrganization(this::list));
    server.route("GET", events + "/{id}", guard.inOrganization(this::get));
    server.route("POST", "/oauth/token", guard.safely(this::token));
  }

  private EmulatorResponse list(EmulatorRequest request) {
    List<CredlyEvent> events = state.events();
    return guard.ok(Paging.page(json, listUrl, request.query(), events, this::render));
  }

  private EmulatorResponse get(EmulatorRequest request) {
    return state
        .event(request.pathParam("id"))
        .map(event -> guard.ok(json.single(render(event))))
        .orElseGet(() -> guard.error(404, "Event not found"));
  }

  private JsonNode render(CredlyEvent event) {
    Badge badge = event.badge();
    BadgeTemplate template = event.template();
    return json.event(
        event,
        badge == null ? null : renderBadge.apply(badge),
        template == null ? null : json.template(template, state.countIssued(template.id())));
  }

  private EmulatorResponse token(EmulatorRequest request) {
    return switch (access.grant(request.form())) {
      case CredlyAccess.Grant.Issued issued ->
          guard.ok(
              json.accessToken(
                  issued.accessToken(), issued.expiresIn(), issued.scope(), clock.instant()));
      case CredlyAccess.Grant.Refused refused ->
          EmulatorResponse.json(
              refused.status(), json.oauthError(refused.error(), refused.description()));
    };
  }
}

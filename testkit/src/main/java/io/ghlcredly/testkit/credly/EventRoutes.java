package io.ghlcredly.testkit.credly;

import com.fasterxml.jackson.databind.JsonNode;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import java.util.List;
import java.util.function.Function;

/**
 * One organization's events ({@code GET .../events}, {@code .../events/{id}}): only its own, so an
 * event id of another organization is not found. Thread-safe.
 */
final class EventRoutes {
  private final CredlyState state;
  private final RouteGuard guard;
  private final CredlyJson json;
  private final Function<Badge, JsonNode> renderBadge;
  private final String listUrl;

  EventRoutes(
      CredlyState state,
      RouteGuard guard,
      Function<Badge, JsonNode> renderBadge,
      String apiBase,
      String organizationId) {
    this.state = state;
    this.guard = guard;
    this.json = guard.json();
    this.renderBadge = renderBadge;
    this.listUrl = apiBase + "/organizations/" + organizationId + "/events";
  }

  void register(RouteTable table) {
    String events = OrganizationRouter.ORGANIZATION + "/events";
    table.route("GET", events, this::list);
    table.route("GET", events + "/{id}", this::get);
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
}

package io.ghlcredly.testkit.ghl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ghlcredly.testkit.ghl.GhlContactExtras.Kind;
import io.ghlcredly.testkit.ghl.GhlContactExtras.Membership;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The rest of a contact: appointments (read only), followers, campaign and workflow membership.
 * Every route answers 400 "Contact with id … not found" for an unknown contact.
 */
final class GhlMiscRoutes {
  private final GhlContactStore store;
  private final GhlContactExtras extras;

  GhlMiscRoutes(GhlContactStore store, GhlContactExtras extras) {
    this.store = store;
    this.extras = extras;
  }

  void register(GhlRoutes.Registrar routes) {
    String contact = "/contacts/{contactId}";
    routes.route("GET", contact + "/appointments", known(this::appointments));
    routes.route("POST", contact + "/followers", known(request -> followers(request, true)));
    routes.route("DELETE", contact + "/followers", known(request -> followers(request, false)));
    routes.route("DELETE", contact + "/campaigns/removeAll", known(this::leaveAllCampaigns));
    routes.route(
        "POST", contact + "/campaigns/{campaignId}", known(request -> campaign(request, true)));
    routes.route(
        "DELETE", contact + "/campaigns/{campaignId}", known(request -> campaign(request, false)));
    routes.route(
        "POST", contact + "/workflow/{workflowId}", known(request -> workflow(request, true)));
    routes.route(
        "DELETE", contact + "/workflow/{workflowId}", known(request -> workflow(request, false)));
  }

  private Function<EmulatorRequest, EmulatorResponse> known(
      Function<EmulatorRequest, EmulatorResponse> handler) {
    return request -> {
      String contactId = request.pathParam("contactId");
      return store.find(contactId).isEmpty()
          ? GhlResponses.contactNotFound(contactId)
          : handler.apply(request);
    };
  }

  private EmulatorResponse appointments(EmulatorRequest request) {
    ObjectNode response = GhlResponses.object();
    ArrayNode events = response.putArray("events");
    extras.list(Kind.APPOINTMENT, request.pathParam("contactId")).forEach(events::add);
    return GhlResponses.ok(200, response);
  }

  private EmulatorResponse followers(EmulatorRequest request, boolean add) {
    String contactId = request.pathParam("contactId");
    ObjectNode body = GhlResponses.body(request);
    Optional<EmulatorResponse> invalid =
        GhlResponses.invalid(body, Set.of("followers"), "followers");
    if (invalid.isPresent()) {
      return invalid.get();
    }
    List<String> given = GhlResponses.strings(body.path("followers"));
    List<String> changed =
        add
            ? extras.join(Membership.FOLLOWER, contactId, given)
            : extras.leave(Membership.FOLLOWER, contactId, given);
    ObjectNode response = GhlResponses.object();
    response.set(
        "followers", GhlResponses.array(extras.memberships(Membership.FOLLOWER, contactId)));
    response.set(add ? "followersAdded" : "followersRemoved", GhlResponses.array(changed));
    return GhlResponses.ok(add ? 201 : 200, response);
  }

  private EmulatorResponse campaign(EmulatorRequest request, boolean add) {
    Optional<EmulatorResponse> invalid =
        add ? GhlResponses.invalid(GhlResponses.body(request), Set.of()) : Optional.empty();
    if (invalid.isPresent()) {
      return invalid.get();
    }
    List<String> campaign = List.of(request.pathParam("campaignId"));
    String contactId = request.pathParam("contactId");
    if (add) {
      extras.join(Membership.CAMPAIGN, contactId, campaign);
    } else {
      extras.leave(Membership.CAMPAIGN, contactId, campaign);
    }
    return GhlResponses.succeded(add ? 201 : 200);
  }

  private EmulatorResponse leaveAllCampaigns(EmulatorRequest request) {
    extras.leaveAll(Membership.CAMPAIGN, request.pathParam("contactId"));
    return GhlResponses.succeded(200);
  }

  private EmulatorResponse workflow(EmulatorRequest request, boolean add) {
    Optional<EmulatorResponse> invalid =
        GhlResponses.invalid(GhlResponses.body(request), Set.of("eventStartTime"));
    if (invalid.isPresent()) {
      return invalid.get();
    }
    List<String> workflow = List.of(request.pathParam("workflowId"));
    String contactId = request.pathParam("contactId");
    if (add) {
      extras.join(Membership.WORKFLOW, contactId, workflow);
    } else {
      extras.leave(Membership.WORKFLOW, contactId, workflow);
    }
    return GhlResponses.succeded(200);
  }
}

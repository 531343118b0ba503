package io.ghlcredly.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ghlcredly.app.workspace.UpstreamProbe;
import io.ghlcredly.app.workspace.WorkspaceHealth;
import io.ghlcredly.core.model.WorkspaceId;
import io.ghlcredly.core.port.TokenStore;
import io.ghlcredly.core.sync.SyncCounters;
import io.ghlcredly.credly.CredlyTokenHealth;
import io.ghlcredly.web.Route;
import io.ghlcredly.web.WebhookRequest;
import io.ghlcredly.web.WebhookResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /health}: liveness, the engine's counters, the state of each connected GHL account
 * (connected or disconnected, and why) and how long the Credly token has left. Never a token.
 */
public final class HealthRoute implements Route {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SyncCounters counters;
  private final TokenStore accounts;
  private final CredlyTokenHealth credlyToken;
  private final @Nullable WorkspaceHealth workspaces;
  private final @Nullable UpstreamProbe probe;

  public HealthRoute(SyncCounters counters, TokenStore accounts, CredlyTokenHealth credlyToken) {
    this(counters, accounts, credlyToken, null);
  }

  /**
   * With {@code workspaces}, also each workspace's state ({@code workspaces}: id, name, status,
   * problems); {@code credlyToken} is then the first workspace's.
   */
  public HealthRoute(
      SyncCounters counters,
      TokenStore accounts,
      CredlyTokenHealth credlyToken,
      @Nullable WorkspaceHealth workspaces) {
    this(counters, accounts, credlyToken, workspaces, null);
  }

  /**
   * With {@code probe}, also {@code upstreams}: each upstream's last probe (name, workspace, state,
   * when, and the problem with what to do).
   */
  public HealthRoute(
      SyncCounters counters,
      TokenStore accounts,
      CredlyTokenHealth credlyToken,
      @Nullable WorkspaceHealth workspaces,
      @Nullable UpstreamProbe probe) {
    this.counters = counters;
    this.accounts = accounts;
    this.credlyToken = credlyToken;
    this.workspaces = workspaces;
    this.probe = probe;
  }

  @Override
  public WebhookResponse handle(WebhookRequest request) {
    ObjectNode body = JSON.createObjectNode();
    SyncCounters.Snapshot counts = counters.snapshot();
    body.put("status", "up")
        .put("eventsAccepted", counts.eventsAccepted())
        .put("eventsDuplicate", counts.eventsDuplicate())
        .put("badgesIssued", counts.badgesIssued())
        .put("duplicatesPrevented", counts.duplicatesPrevented())
        .put("failures", counts.failures())
        .put("eventsHeld", counts.eventsHeld());
    ArrayNode ghl = body.putArray("ghlAccounts");
    for (TokenStore.AccountSummary account : accounts.listAccounts()) {
      ObjectNode row =
          ghl.addObject()
              .put("account", account.key().type() + ":" + account.key().id())
              .put("status", account.status().name())
              .put("since", account.statusSince().toString())
              .put("tokenExpiresAt", account.expiresAt().toString());
      if (account.statusReason() != null) {
        row.put("reason", account.statusReason());
      }
    }
    CredlyTokenHealth.Status credly = credlyToken.status();
    ObjectNode token = body.putObject("credlyToken").put("level", credly.level().name());
    if (credly.expiresAt() != null) {
      token.put("expiresAt", String.valueOf(credly.expiresAt()));
    }
    if (credly.daysLeft() != null) {
      token.put("daysLeft", credly.daysLeft());
    }
    if (probe != null) {
      ArrayNode upstreams = body.putArray("upstreams");
      for (UpstreamProbe.Result result : probe.results()) {
        ObjectNode row =
            upstreams
                .addObject()
                .put("name", result.target().name())
                .put("upstream", result.target().upstream())
                .put("state", result.state().name())
                .put("checkedAt", result.at().toString());
        WorkspaceId workspace = result.target().workspace();
        if (workspace != null) {
          row.put("workspace", workspace.value());
        }
        String problem = result.problem();
        if (problem != null) {
          row.put("problem", problem);
        }
      }
    }
    if (workspaces != null) {
      ArrayNode list = body.putArray("workspaces");
      for (WorkspaceHealth.Status status : workspaces.statuses()) {
        ObjectNode row =
            list.addObject()
                .put("id", status.workspace().id().value())
                .put("name", status.workspace().name())
                .put("status", status.ok() ? "ok" : "failing");
        ArrayNode problems = row.putArray("problems");
        status.problems().forEach(problems::add);
      }
    }
    return new WebhookResponse(200, body.toString(), Map.of());
  }
}

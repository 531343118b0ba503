package io.ghlcredly.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ghlcredly.app.metrics.ReadinessChecks;
import io.ghlcredly.web.Route;
import io.ghlcredly.web.WebhookRequest;
import io.ghlcredly.web.WebhookResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /health/ready}: 200 when every check holds, else 503 with {@code failing} naming each
 * failing check and {@code checks} saying why ({@code ok} for those that hold). A failing check of
 * one workspace ({@code workspace:<id>}) is listed the same way but leaves the status 200, {@code
 * degraded}: the other workspaces still work.
 */
public final class ReadyRoute implements Route {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ReadinessChecks checks;

  public ReadyRoute(ReadinessChecks checks) {
    this.checks = checks;
  }

  @Override
  public WebhookResponse handle(WebhookRequest request) {
    ObjectNode results = JSON.createObjectNode();
    ArrayNode failing = JSON.createArrayNode();
    Set<String> advisory = checks.advisory();
    boolean ready = true;
    for (Map.Entry<String, Optional<String>> result : checks.run().entrySet()) {
      results.put(result.getKey(), result.getValue().orElse("ok"));
      if (result.getValue().isPresent()) {
        failing.add(result.getKey());
        ready &= advisory.contains(result.getKey());
      }
    }
    String status = !ready ? "not-ready" : failing.isEmpty() ? "ready" : "degraded";
    ObjectNode body = JSON.createObjectNode().put("status", status);
    body.set("failing", failing);
    body.set("checks", results);
    return new WebhookResponse(ready ? 200 : 503, body.toString(), Map.of());
  }
}

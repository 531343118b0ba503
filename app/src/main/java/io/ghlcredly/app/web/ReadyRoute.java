package io.ghlcredly.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ghlcredly.app.metrics.ReadinessCheck;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /health/ready}: 200 when every check holds, else 503 naming each failing check and
 * why. A check that throws fails with the exception's type (never its message: it may hold
 * connection details).
 */
public final class ReadyRoute implements Route {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<ReadinessCheck> checks;

  public ReadyRoute(List<ReadinessCheck> checks) {
    this.checks = List.copyOf(checks);
  }

  @Override
  public WebhookResponse handle(WebhookRequest request) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode results = JSON.createObjectNode();
    ArrayNode failing = JSON.createArrayNode();
    for (ReadinessCheck check : checks) {
      Optional<String> problem = run(check);
      results.put(check.name(), problem.orElse("ok"));
      problem.ifPresent(unused -> failing.add(check.name()));
    }
    boolean ready = failing.isEmpty();
    body.put("status", ready ? "ready" : "not-ready");
    body.set("failing", failing);
    body.set("checks", results);
    return new WebhookResponse(ready ? 200 : 503, body.toString(), Map.of());
  }

  private static Optional<String> run(ReadinessCheck check) {
    try {
      return check.problem();
    } catch (RuntimeException e) {
      return Optional.of("check failed: " + e.getClass().getSimpleName());
    }
  }
}

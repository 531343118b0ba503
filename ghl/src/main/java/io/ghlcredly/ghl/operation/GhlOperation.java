package io.ghlcredly.ghl.operation;

import io.ghlcredly.ghl.GhlClient;
import io.ghlcredly.ghl.GhlEndpoint;
import io.ghlcredly.http.JsonCodec;
import io.ghlcredly.http.catalog.Operation;
import io.ghlcredly.http.catalog.OperationCall;
import io.ghlcredly.http.catalog.OperationSpec;
import io.ghlcredly.http.catalog.ParamSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One {@link GhlEndpoint} bound to a {@link GhlClient}: checks the arguments against the spec, then
 * sends through the client (so the scope check and transport apply) and returns the JSON answer.
 * Thread-safe.
 */
final class GhlOperation implements Operation {
  private static final JsonCodec JSON = new JsonCodec();

  private final GhlEndpoint endpoint;
  private final OperationSpec spec;
  private final GhlClient client;

  GhlOperation(GhlEndpoint endpoint, String name, GhlClient client) {
    this.endpoint = endpoint;
    this.client = client;
    this.spec =
        new OperationSpec(
            name,
            endpoint.method(),
            endpoint.pathTemplate(),
            endpoint.summary() + " (operationId " + endpoint.operationId() + ")",
            endpoint.params(),
            endpoint.body(),
            endpoint.scope().orElse(null));
  }

  @Override
  public OperationSpec spec() {
    return spec;
  }

  @Override
  public String invoke(OperationCall call) {
    Set<String> known =
        spec.params().stream().map(ParamSpec::name).collect(Collectors.toUnmodifiableSet());
    for (String given : call.params().keySet()) {
      if (!known.contains(given)) {
        throw new IllegalArgumentException(
            spec.name() + " has no parameter " + given + "; it takes " + known);
      }
    }
    Map<String, String> path = new LinkedHashMap<>();
    Map<String, @Nullable String> query = new LinkedHashMap<>();
    for (ParamSpec param : spec.params()) {
      String value = call.params().get(param.name());
      if (value == null || value.isBlank()) {
        if (param.required()) {
          throw new IllegalArgumentException(
              spec.name() + " needs parameter " + param.name() + " (" + param.location() + ")");
        }
        continue;
      }
      if (param.location() == ParamSpec.Location.PATH) {
        path.put(param.name(), value);
      } else {
        query.put(param.name(), value);
      }
    }
    return client.send(endpoint, path, query, body(call.jsonBody()));
  }

  private @Nullable String body(@Nullable String given) {
    if (given == null || given.isBlank()) {
      return switch (spec.body()) {
        case NONE -> null;
        case OPTIONAL -> "{}";
        case REQUIRED -> throw new IllegalArgumentException(spec.name() + " needs a JSON body");
      };
    }
    if (spec.body() == OperationSpec.BodyUse.NONE) {
      throw new IllegalArgumentException(spec.name() + " takes no body");
    }
    return checkedJson(given);
  }

  private String checkedJson(String body) {
    if (JSON.findTree(body).filter(node -> node.isObject()).isEmpty()) {
      throw new IllegalArgumentException(spec.name() + " needs a JSON object as body");
    }
    return body;
  }
}

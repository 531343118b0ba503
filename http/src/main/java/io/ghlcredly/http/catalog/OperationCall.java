package io.ghlcredly.http.catalog;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Arguments of one invocation: parameter values by name, and the JSON body if any. */
public record OperationCall(Map<String, String> params, @Nullable String jsonBody) {
  public OperationCall {
    params = Map.copyOf(params);
  }

  public Optional<String> body() {
    return Optional.ofNullable(jsonBody);
  }
}

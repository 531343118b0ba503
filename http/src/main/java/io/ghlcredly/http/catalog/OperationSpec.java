package io.ghlcredly.http.catalog;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What an action is: its catalog name ({@code ghl.get-contact}, {@code credly.issue-badge}), the
 * HTTP method and path template, its parameters, whether it takes a JSON body, and the OAuth scope
 * it needs (when the provider has scopes).
 */
public record OperationSpec(
    String name,
    String method,
    String pathTemplate,
    String summary,
    List<ParamSpec> params,
    BodyUse body,
    @Nullable String scope) {
  public OperationSpec {
    params = List.copyOf(params);
    if (!name.matches("[a-z]+\\.[a-z0-9-]+")) {
      throw new IllegalArgumentException("operation names look like ghl.get-contact: " + name);
    }
  }

  /** Whether the operation takes a JSON body. */
  public enum BodyUse {
    NONE,
    OPTIONAL,
    REQUIRED
  }

  public Optional<String> requiredScope() {
    return Optional.ofNullable(scope);
  }
}

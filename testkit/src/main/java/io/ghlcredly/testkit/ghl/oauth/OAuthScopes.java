package io.ghlcredly.testkit.ghl.oauth;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** HighLevel's space-separated {@code scope} parameter. */
final class OAuthScopes {
  private OAuthScopes() {}

  static Set<String> parse(@Nullable String scope) {
    if (scope == null || scope.isBlank()) {
      return Set.of();
    }
    return new LinkedHashSet<>(Arrays.asList(scope.trim().split("\\s+")));
  }
}

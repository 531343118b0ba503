package io.ghlcredly.ghl.api;

import org.jspecify.annotations.Nullable;

/**
 * The {@code {succeded: true}} answer of deletes, campaign and workflow calls. HighLevel's v2 API
 * spells it {@code succeded}; v3 fixes it to {@code succeeded}: both are read.
 */
public record GhlSuccess(@Nullable Boolean succeded, @Nullable Boolean succeeded) {
  /** True when either spelling says true. */
  public boolean ok() {
    return Boolean.TRUE.equals(succeded) || Boolean.TRUE.equals(succeeded);
  }
}

package io.ghlcredly.ghl.api;

import org.jspecify.annotations.Nullable;

/** Inbound do-not-disturb (schema {@code InboundDndSettingsSchema}). */
public record GhlInboundDndSettings(@Nullable Setting all) {
  /**
   * @param status {@code active} or {@code inactive}
   */
  public record Setting(String status, @Nullable String message) {}
}

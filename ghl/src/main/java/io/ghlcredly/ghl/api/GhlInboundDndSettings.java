package io.ghlcredly.ghl.api;

import org.jspecify.annotations.Nullable;

/** Inbound do-not-disturb (schema {@code InboundDndSettingsSchema}). */
public record GhlInboundDndSettings(@Nullable Setting all) {
  /**
   * The inbound do-not-disturb state for all channels.
   *
   * @param status {@code active} or {@code inactive}
   */
  public record Setting(String status, @Nullable String message) {}
}

package io.ghlcredly.ghl.webhook;

import io.ghlcredly.core.model.AccountEvent;
import io.ghlcredly.core.model.SyncEvent;

/** What a verified HighLevel webhook turned out to be. Closed set, handled exhaustively. */
public sealed interface ParsedWebhook {
  /** About one contact (the contact itself, its notes or tasks): goes to the per-contact inbox. */
  record ContactWebhook(SyncEvent.ContactEvent event) implements ParsedWebhook {}

  /** About the app's installation in a location or agency: no contact, no inbox. */
  record AccountWebhook(AccountEvent event) implements ParsedWebhook {}

  /**
   * A type the sync does not handle; acknowledge and drop it.
   *
   * @param type the payload's {@code type}, empty when it had none
   */
  record Ignored(String type) implements ParsedWebhook {}
}

package io.ghlcredly.http.catalog;

/**
 * An event the service reacts to: its catalog name ({@code ghl.contact-tag-update}), the provider's
 * own event name ({@code ContactTagUpdate}), how it arrives, and what it means.
 */
public record TriggerSpec(String name, String providerEvent, Delivery delivery, String summary) {
  /** How the service learns of the event. */
  public enum Delivery {
    WEBHOOK,
    POLLING,
    WEBHOOK_AND_POLLING
  }
}

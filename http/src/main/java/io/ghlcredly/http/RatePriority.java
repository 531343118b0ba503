package io.ghlcredly.http;

/**
 * Whose work a request serves, so that bulk work cannot starve live work of the same rate budget.
 */
public enum RatePriority {
  /** Work a person or a webhook is waiting for: may use the whole budget. */
  LIVE,
  /** Imports and reconciliation passes: may use only a share of the burst budget. */
  BULK
}

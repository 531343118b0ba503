package io.ghlcredly.core.sync;

import org.jspecify.annotations.Nullable;

/**
 * What an action did, for the journal.
 *
 * @param outcome a short word or phrase such as {@code issued}, {@code already-held}, {@code
 *     completed 2 tasks}
 * @param upstreamId the id GHL or Credly gave the result, when any
 */
record ActionResult(String outcome, @Nullable String upstreamId) {
  static ActionResult of(String outcome) {
    return new ActionResult(outcome, null);
  }
}

/**
 * Credly webhooks. Credly signs nothing, so a delivery is only a hint: {@link
 * io.ghlcredly.credly.webhook.CredlyWebhookReceiver} reads the event id from it, fetches the event
 * from the API and turns badge events into {@link io.ghlcredly.core.model.SyncEvent}s.
 */
@NullMarked
package io.ghlcredly.credly.webhook;

import org.jspecify.annotations.NullMarked;

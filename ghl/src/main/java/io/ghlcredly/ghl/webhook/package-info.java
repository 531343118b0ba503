/**
 * Incoming HighLevel webhooks: {@link io.ghlcredly.ghl.webhook.GhlWebhookVerifier} checks size,
 * signature (Ed25519, optionally legacy RSA) and timestamp over the raw body, and {@link
 * io.ghlcredly.ghl.webhook.GhlWebhookParser} turns an accepted payload into a {@link
 * io.ghlcredly.ghl.webhook.ParsedWebhook}: a contact event, an account event, or an ignored type.
 * Duplicate {@code webhookId}s are the inbox's job, not done here.
 */
@NullMarked
package io.ghlcredly.ghl.webhook;

import org.jspecify.annotations.NullMarked;

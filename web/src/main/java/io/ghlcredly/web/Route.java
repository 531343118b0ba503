package io.ghlcredly.web;

/** A server-neutral request handler. Implementations are thread-safe. */
@FunctionalInterface
public interface Route {
  WebhookResponse handle(WebhookRequest request);
}

package io.ghlcredly.web;

import io.ghlcredly.web.internal.BodyBudget;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Adapts server-neutral {@link Route}s (the webhook handlers, health, metrics, OAuth) to Javalin
 * handlers: the raw body bytes exactly as sent (signatures are checked over them), read only up to
 * the webhook limit and only while the shared body budget has room (else 429), and the route's
 * answer written as it is. Thread-safe.
 */
public final class NeutralRoutes {
  private final long maxBodyBytes;
  private final BodyBudget budget;

  public NeutralRoutes(WebSettings settings) {
    this.maxBodyBytes = settings.maxWebhookBytes();
    this.budget = new BodyBudget(settings.bodyBudgetBytes());
  }

  /** A handler that runs {@code route} with the request's body. */
  public Handler withBody(Route route) {
    return ctx -> {
      long declared = ctx.req().getContentLengthLong();
      if (declared > maxBodyBytes) {
        write(ctx, route.handle(request(ctx, new WebhookRequest.Body.TooLarge(maxBodyBytes))));
        return;
      }
      int reserved = budget.tryReserve(declared >= 0 ? declared : maxBodyBytes);
      if (reserved == 0) {
        write(ctx, busy());
        return;
      }
      try {
        write(ctx, route.handle(request(ctx, body(ctx))));
      } finally {
        budget.release(reserved);
      }
    };
  }

  /** A handler for a route that reads no body (GET). */
  public static Handler withoutBody(Route route) {
    return ctx -> write(ctx, route.handle(bodyless(ctx)));
  }

  private WebhookRequest.Body body(Context ctx) throws IOException {
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
      if (bytes.length > maxBodyBytes) {
        return new WebhookRequest.Body.TooLarge(maxBodyBytes);
      }
      return new WebhookRequest.Body.Complete(new WebhookRequest.RawBytes(bytes));
    }
  }

  /** The request as a neutral route sees it, without its body (for GET routes). */
  public static WebhookRequest bodyless(Context ctx) {
    return request(ctx, new WebhookRequest.Body.Complete(new WebhookRequest.RawBytes(new byte[0])));
  }

  private static WebhookRequest request(Context ctx, WebhookRequest.Body body) {
    Map<String, String> headers = new HashMap<>();
    ctx.headerMap().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
    String query = ctx.queryString();
    return new WebhookRequest(
        ctx.method().name(), ctx.path(), headers, body, query == null ? "" : query);
  }

  private static WebhookResponse busy() {
    return new WebhookResponse(
        429,
        WebhookResponse.error(429, "too many webhook bodies in flight, retry in a second")
            .jsonBody(),
        Map.of("Retry-After", "1"));
  }

  /** Writes a neutral route's answer. */
  public static void write(Context ctx, WebhookResponse response) {
    ctx.status(response.status());
    ctx.contentType("application/json; charset=utf-8");
    response.headers().forEach(ctx::header);
    ctx.result(response.jsonBody());
  }
}

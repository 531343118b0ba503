package io.ghlcredly.web;

import io.javalin.http.Context;

/** Short JSON answers written the same way everywhere. */
public final class Answers {
  private Answers() {}

  /** A 4xx or 5xx with a short reason; the reason never carries raw input. */
  public static void error(Context ctx, int status, String reason) {
    ctx.status(status);
    ctx.contentType("application/json; charset=utf-8");
    ctx.result(WebhookResponse.error(status, reason).jsonBody());
  }
}

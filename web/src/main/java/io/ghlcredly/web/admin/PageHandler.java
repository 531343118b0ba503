package io.ghlcredly.web.admin;

import io.javalin.http.Context;

/** A page that needs a signed-in operator. */
@FunctionalInterface
interface PageHandler {
  void handle(Context ctx, AdminAccess.Session session) throws Exception;
}

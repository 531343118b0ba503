package io.ghlcredly.web;

import io.ghlcredly.core.model.OperatorRole;
import io.javalin.http.Context;

/**
 * Who makes a request that passed the admin checks: a named operator (by email) or the admin token
 * used for automation. Recorded with every change made through the browser or the admin API.
 *
 * @param name the operator's email, or {@code admin-token}
 */
public record Actor(String name, OperatorRole role) {
  private static final String ATTRIBUTE = "gcs.actor";

  /** The name the admin token acts under. */
  public static final String ADMIN_TOKEN = "admin-token";

  /** Marks the request as let through for this actor. */
  public void attachTo(Context ctx) {
    ctx.attribute(ATTRIBUTE, this);
  }

  /** The actor the server attached to a request it let through. */
  public static Actor of(Context ctx) {
    Actor actor = ctx.attribute(ATTRIBUTE);
    if (actor == null) {
      throw new IllegalStateException("no actor: the endpoint was not registered as admin");
    }
    return actor;
  }
}

package io.ghlcredly.web;

import io.ghlcredly.core.model.OperatorRole;
import io.ghlcredly.core.model.WorkspaceId;
import io.javalin.http.Context;
import java.util.Set;

/**
 * Who makes a request that passed the admin checks: a named operator (by email) or the admin token
 * used for automation. Recorded with every change made through the browser or the admin API.
 *
 * @param name the operator's email, or {@code admin-token}
 * @param workspaces the workspaces the actor may see, read at each request; empty means every
 *     workspace, as for every admin and the admin token
 */
public record Actor(String name, OperatorRole role, Set<WorkspaceId> workspaces) {
  private static final String ATTRIBUTE = "gcs.actor";

  /** The name the admin token acts under. */
  public static final String ADMIN_TOKEN = "admin-token";

  public Actor {
    workspaces = role.includes(OperatorRole.ADMIN) ? Set.of() : Set.copyOf(workspaces);
  }

  /** An actor who sees every workspace. */
  public Actor(String name, OperatorRole role) {
    this(name, role, Set.of());
  }

  /** Whether the actor sees only some workspaces. */
  public boolean limited() {
    return !workspaces.isEmpty();
  }

  /** Whether the actor may see the workspace. */
  public boolean sees(WorkspaceId workspace) {
    return workspaces.isEmpty() || workspaces.contains(workspace);
  }

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

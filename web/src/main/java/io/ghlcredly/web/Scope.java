package io.ghlcredly.web;

import io.ghlcredly.core.model.WorkspaceId;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The workspaces a request reads or changes: the actor's (every one when not limited), narrowed by
 * {@code ?workspace=ID}. A workspace the actor may not see reads as one that does not exist, so
 * that an answer never confirms it does.
 *
 * @param workspaces the workspaces in scope; empty means every workspace
 */
public record Scope(Set<WorkspaceId> workspaces) {
  /** The query parameter that narrows a read to one workspace. */
  public static final String PARAMETER = "workspace";

  /** Every workspace. */
  public static final Scope ALL = new Scope(Set.of());

  public Scope {
    workspaces = Set.copyOf(workspaces);
  }

  /** Whether every workspace is in scope. */
  public boolean all() {
    return workspaces.isEmpty();
  }

  /**
   * The request's scope.
   *
   * @param exists whether a workspace of this id exists
   * @return empty when {@code ?workspace=} names a workspace that does not exist or that the actor
   *     may not see: answer 404
   */
  public static Optional<Scope> of(Context ctx, Actor actor, Predicate<WorkspaceId> exists) {
    return of(ctx.queryParam(PARAMETER), actor, exists);
  }

  /** As {@link #of(Context, Actor, Predicate)}, for the workspace a form names. */
  public static Optional<Scope> of(
      @Nullable String asked, Actor actor, Predicate<WorkspaceId> exists) {
    if (asked == null || asked.isEmpty()) {
      return Optional.of(new Scope(actor.workspaces()));
    }
    if (!WorkspaceId.isValid(asked)) {
      return Optional.empty();
    }
    WorkspaceId id = new WorkspaceId(asked);
    return actor.sees(id) && exists.test(id)
        ? Optional.of(new Scope(Set.of(id)))
        : Optional.empty();
  }
}

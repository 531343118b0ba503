package io.ghlcredly.app.remote;

import io.ghlcredly.app.admin.ReadScopes;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.DeadLetter;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.port.DeadLetterStore;
import io.ghlcredly.storage.JdbcDeadLetterStore;
import io.ghlcredly.web.Actor;
import io.ghlcredly.web.Scope;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the command endpoints let a caller see: everything to who sees every workspace; to an
 * operator limited to some, only the contacts, locations and dead letters of their workspaces.
 * Without the workspaces' scopes, a limited operator sees nothing. Thread-safe.
 */
final class CommandScopes {
  private final @Nullable ReadScopes scopes;
  private final DeadLetterStore deadLetters;

  CommandScopes(@Nullable ReadScopes scopes, DeadLetterStore deadLetters) {
    this.scopes = scopes;
    this.deadLetters = deadLetters;
  }

  /** A list's scope: the caller's, narrowed by {@code ?workspace=}; empty: answer 404. */
  Optional<Scope> listScope(Context ctx) {
    if (scopes != null) {
      return scopes.of(ctx);
    }
    Scope scope = ReadScopes.of(Actor.of(ctx));
    String asked = ctx.queryParam(Scope.PARAMETER);
    return scope.all() && (asked == null || asked.isEmpty())
        ? Optional.of(scope)
        : Optional.empty();
  }

  /** The newest dead letters of contacts in scope. */
  List<DeadLetter> deadLetters(Scope scope, int limit) {
    if (scope.all()) {
      return deadLetters.listRecent(limit);
    }
    if (scopes == null || !(deadLetters instanceof JdbcDeadLetterStore jdbc)) {
      return List.of();
    }
    return jdbc.listRecent(limit, scopes.filter(scope));
  }

  boolean coversContact(Scope scope, ContactId contact) {
    return scope.all() || (scopes != null && scopes.coversContact(scope, contact));
  }

  boolean coversLocation(Scope scope, LocationId location) {
    return scope.all() || (scopes != null && scopes.coversLocation(scope, location));
  }
}

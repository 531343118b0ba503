package io.ghlcredly.ghl;

import io.ghlcredly.core.error.SyncException;

/**
 * A call needs an OAuth scope the token was not granted; thrown before anything is sent. Retrying
 * cannot help: the app must be re-installed (or the Private Integration Token edited) with the
 * scope.
 */
public final class MissingScopeException extends SyncException {
  private final String operation;
  private final String scope;

  public MissingScopeException(String operation, String scope) {
    super(
        "HighLevel operation "
            + operation
            + " needs scope "
            + scope
            + ", which the token was not granted",
        null);
    this.operation = operation;
    this.scope = scope;
  }

  /** The operationId from apps/contacts.json, such as {@code create-task}. */
  public String operation() {
    return operation;
  }

  public String scope() {
    return scope;
  }
}

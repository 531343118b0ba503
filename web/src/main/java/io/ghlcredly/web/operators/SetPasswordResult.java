package io.ghlcredly.web.operators;

import io.ghlcredly.core.model.Operator;

/** What came of setting a password with a one-time link. */
public sealed interface SetPasswordResult {
  /** Set; the link is used up and any earlier session of the operator ended. */
  record PasswordSet(Operator operator) implements SetPasswordResult {}

  /** The password breaks a rule ({@link PasswordPolicy}); the link still works. */
  record Rejected(String reason) implements SetPasswordResult {}

  /** The link is unknown, used, expired, replaced by a newer one, or its operator disabled. */
  record LinkNotValid() implements SetPasswordResult {}
}

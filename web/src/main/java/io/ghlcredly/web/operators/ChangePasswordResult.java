package io.ghlcredly.web.operators;

import io.ghlcredly.core.model.Operator;
import java.time.Duration;

/** What came of a signed-in operator changing their password. */
public sealed interface ChangePasswordResult {
  /**
   * Changed. Every session of the operator has ended, the one that made the change too: create a
   * new one to keep them signed in.
   */
  record Changed(Operator operator) implements ChangePasswordResult {}

  /** The new password breaks a rule ({@link PasswordPolicy}); nothing changed. */
  record Rejected(String reason) implements ChangePasswordResult {}

  /** The current password given is wrong; counts as a failed sign-in of the account. */
  record WrongCurrentPassword() implements ChangePasswordResult {}

  /** Too many failed attempts for the account: try again after {@code retryAfter}. */
  record Throttled(Duration retryAfter) implements ChangePasswordResult {}
}

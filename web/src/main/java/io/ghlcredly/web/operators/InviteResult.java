package io.ghlcredly.web.operators;

import io.ghlcredly.core.model.Operator;
import java.time.Instant;

/** What came of inviting an operator or of giving them a new one-time link. */
public sealed interface InviteResult {
  /**
   * A new one-time link: hand {@link WelcomeLink#of the link with the token} to the operator. Its
   * {@code toString()} leaves the token out.
   *
   * @param token shown once: only its hash is stored
   * @param expiresAt when the link stops working, if not used before
   */
  record Invited(Operator operator, String token, Instant expiresAt) implements InviteResult {
    @Override
    public String toString() {
      return "Invited[operator=" + operator + ", token=***, expiresAt=" + expiresAt + "]";
    }
  }

  /** Nothing was done, for the reason given (a sentence to show as is). */
  record Refused(String reason) implements InviteResult {}
}

package io.ghlcredly.web.operators;

import io.ghlcredly.core.model.Operator;

/** What came of a change to an operator's role or state. */
public sealed interface ChangeResult {
  /** Done; the operator as they are now. */
  record Changed(Operator operator) implements ChangeResult {}

  /** Nothing was done, for the reason given (a sentence to show as is). */
  record Refused(String reason) implements ChangeResult {}
}

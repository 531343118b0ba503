package io.ghlcredly.web.operators;

import io.ghlcredly.core.model.Operator;
import java.time.Duration;

/**
 * What came of a sign-in attempt. Only {@link SignedIn} lets the person in. To whoever is signing
 * in, show {@link Wrong} and {@link NoPasswordYet} alike ("wrong email or password") unless telling
 * an invited person to use their link is worth saying that the email is invited.
 */
public sealed interface SignInResult {
  /** The password is right and the operator enabled: create their session. */
  record SignedIn(Operator operator) implements SignInResult {}

  /** Unknown email or wrong password (not told apart, on purpose). */
  record Wrong() implements SignInResult {}

  /**
   * Too many failed attempts for the email or from the client address: try again after {@code
   * retryAfter} (whole seconds, fit for a {@code Retry-After} header).
   */
  record Throttled(Duration retryAfter) implements SignInResult {}

  /** The password is right but the operator is disabled. Told only to who knows the password. */
  record Disabled() implements SignInResult {}

  /** The operator was invited and has not set a password with their one-time link yet. */
  record NoPasswordYet() implements SignInResult {}
}

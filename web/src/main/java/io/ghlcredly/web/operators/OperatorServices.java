package io.ghlcredly.web.operators;

import io.ghlcredly.core.port.AdminSessionStore;
import io.ghlcredly.core.port.OperatorStore;
import java.time.Duration;
import java.time.InstantSource;

/**
 * The operator services wired together: one {@link PasswordHasher} and one per-account {@link
 * FailureLimit} shared by sign-in and password changes.
 */
public record OperatorServices(Operators operators, Passwords passwords, SignIn signIn) {
  /** Failed sign-ins allowed per account (email) in {@link #WINDOW}. */
  public static final int FAILURES_PER_ACCOUNT = 5;

  /** Failed sign-ins allowed per client address in {@link #WINDOW}. */
  public static final int FAILURES_PER_ADDRESS = 20;

  public static final Duration WINDOW = Duration.ofMinutes(15);

  /** The services with the default limits. Hashes once (the decoy), some tens of milliseconds. */
  public static OperatorServices create(
      OperatorStore store, AdminSessionStore sessions, InstantSource clock) {
    return create(store, sessions, new PasswordHasher(), clock);
  }

  static OperatorServices create(
      OperatorStore store, AdminSessionStore sessions, PasswordHasher hasher, InstantSource clock) {
    FailureLimit perAccount = new FailureLimit("account", FAILURES_PER_ACCOUNT, WINDOW, clock);
    FailureLimit perAddress = new FailureLimit("address", FAILURES_PER_ADDRESS, WINDOW, clock);
    return new OperatorServices(
        new Operators(store, sessions, clock),
        new Passwords(store, sessions, hasher, perAccount, clock),
        new SignIn(store, hasher, perAccount, perAddress));
  }
}

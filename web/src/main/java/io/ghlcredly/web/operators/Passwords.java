package io.ghlcredly.web.operators;

import io.ghlcredly.core.error.NotFoundException;
import io.ghlcredly.core.model.Operator;
import io.ghlcredly.core.model.OperatorId;
import io.ghlcredly.core.port.AdminSessionStore;
import io.ghlcredly.core.port.OperatorStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Setting passwords: the first (or a forgotten) one with a one-time link, and a change by the
 * signed-in operator. A new password follows {@link PasswordPolicy}, is stored as an Argon2id hash,
 * and ends every session the operator had. Thread-safe.
 */
public final class Passwords {
  private static final Logger log = LoggerFactory.getLogger(Passwords.class);

  private final OperatorStore store;
  private final AdminSessionStore sessions;
  private final PasswordHasher hasher;
  private final FailureLimit perAccount;
  private final InstantSource clock;

  /**
   * @param perAccount the sign-in's limit per account: wrong current passwords count there too
   */
  public Passwords(
      OperatorStore store,
      AdminSessionStore sessions,
      PasswordHasher hasher,
      FailureLimit perAccount,
      InstantSource clock) {
    this.store = store;
    this.sessions = sessions;
    this.hasher = hasher;
    this.perAccount = perAccount;
    this.clock = clock;
  }

  /**
   * The operator whose one-time link the token is, while the link works: for the welcome page to
   * greet them, or to say at once that the link no longer works.
   */
  public Optional<Operator> findInvited(String token) {
    return store.findByInvite(token, clock.instant());
  }

  /** Sets the password of the operator whose one-time link the token is, and uses the link up. */
  public SetPasswordResult setPasswordWithInvite(String token, String password) {
    Optional<Operator> invited = findInvited(token);
    if (invited.isEmpty()) {
      log.atWarn().log("password not set: the one-time link is not valid");
      return new SetPasswordResult.LinkNotValid();
    }
    Optional<String> problem = PasswordPolicy.problem(password, invited.get().email());
    if (problem.isPresent()) {
      return new SetPasswordResult.Rejected(problem.get());
    }
    Optional<Operator> redeemed = store.redeemInvite(token, hasher.hash(password), clock.instant());
    if (redeemed.isEmpty()) {
      // Used or replaced between the two reads.
      return new SetPasswordResult.LinkNotValid();
    }
    Operator operator = redeemed.get();
    endSessions(operator, "password set with a one-time link");
    return new SetPasswordResult.PasswordSet(operator);
  }

  /**
   * Changes the password of a signed-in operator who gives their current one.
   *
   * @throws NotFoundException when no operator has the id
   */
  public ChangePasswordResult changePassword(
      OperatorId id, String currentPassword, String newPassword) {
    OperatorStore.Credentials credentials =
        store.findCredentials(id).orElseThrow(() -> new NotFoundException("no operator " + id));
    Operator operator = credentials.operator();
    Optional<Duration> throttled = perAccount.reserve(operator.email());
    if (throttled.isPresent()) {
      log.atWarn()
          .addKeyValue("operatorId", id.value())
          .log("password not changed: too many failed attempts");
      return new ChangePasswordResult.Throttled(throttled.get());
    }
    if (!hasher.matches(currentPassword, credentials.passwordHash())) {
      log.atWarn()
          .addKeyValue("operatorId", id.value())
          .log("password not changed: wrong current password");
      return new ChangePasswordResult.WrongCurrentPassword();
    }
    perAccount.refund(operator.email());
    Optional<String> problem = PasswordPolicy.problem(newPassword, operator.email());
    if (problem.isPresent()) {
      return new ChangePasswordResult.Rejected(problem.get());
    }
    store.setPassword(id, hasher.hash(newPassword), clock.instant());
    endSessions(operator, "password changed");
    return new ChangePasswordResult.Changed(
        store.find(id).orElseThrow(() -> new NotFoundException("no operator " + id)));
  }

  private void endSessions(Operator operator, String what) {
    int ended = sessions.deleteForOperator(operator.id());
    log.atInfo()
        .addKeyValue("operatorId", operator.id().value())
        .addKeyValue("sessionsEnded", ended)
        .log(what);
  }
}

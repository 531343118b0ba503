package io.ghlcredly.web.operators;

import io.ghlcredly.core.model.Operator;
import io.ghlcredly.core.port.OperatorStore;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Checks an operator's email and password. Failed attempts are limited per email and per client
 * address ({@link FailureLimit}); a password is checked (Argon2id, some tens of milliseconds) even
 * for an unknown email, so that the answer's time does not tell which emails exist. Every attempt
 * is logged with its outcome, the operator id or a masked email ({@code a***@example.com}) and the
 * client address; never a password or a full email. Thread-safe.
 */
public final class SignIn {
  private static final Logger log = LoggerFactory.getLogger(SignIn.class);

  private final OperatorStore operators;
  private final PasswordHasher hasher;
  private final FailureLimit perAccount;
  private final FailureLimit perAddress;

  public SignIn(
      OperatorStore operators,
      PasswordHasher hasher,
      FailureLimit perAccount,
      FailureLimit perAddress) {
    this.operators = operators;
    this.hasher = hasher;
    this.perAccount = perAccount;
    this.perAddress = perAddress;
  }

  /**
   * One sign-in attempt.
   *
   * @param clientAddress the address the request came from (as the server trusts it), the key of
   *     the per-address limit
   */
  public SignInResult signIn(String email, String password, String clientAddress) {
    String account = Operator.normalizeEmail(email);
    Optional<Duration> throttled = reserve(account, clientAddress);
    if (throttled.isPresent()) {
      logAttempt(Level.WARN, "throttled", account, null, clientAddress);
      return new SignInResult.Throttled(throttled.get());
    }
    Optional<OperatorStore.Credentials> credentials = operators.findCredentials(account);
    String hash = credentials.map(OperatorStore.Credentials::passwordHash).orElse(null);
    boolean matches = hasher.matches(password, hash);
    if (credentials.isEmpty()) {
      logAttempt(Level.WARN, "unknown-email", account, null, clientAddress);
      return new SignInResult.Wrong();
    }
    Operator operator = credentials.get().operator();
    if (hash == null) {
      logAttempt(Level.WARN, "no-password-yet", account, operator, clientAddress);
      return new SignInResult.NoPasswordYet();
    }
    if (!matches) {
      logAttempt(Level.WARN, "wrong-password", account, operator, clientAddress);
      return new SignInResult.Wrong();
    }
    // The right password is no failure, whether or not the operator may sign in.
    perAccount.refund(account);
    perAddress.refund(clientAddress);
    if (operator.disabled()) {
      logAttempt(Level.WARN, "disabled", account, operator, clientAddress);
      return new SignInResult.Disabled();
    }
    logAttempt(Level.INFO, "signed-in", account, operator, clientAddress);
    return new SignInResult.SignedIn(operator);
  }

  private Optional<Duration> reserve(String account, String clientAddress) {
    Optional<Duration> accountWait = perAccount.reserve(account);
    if (accountWait.isPresent()) {
      return accountWait;
    }
    Optional<Duration> addressWait = perAddress.reserve(clientAddress);
    if (addressWait.isPresent()) {
      perAccount.refund(account);
    }
    return addressWait;
  }

  private static void logAttempt(
      Level level,
      String outcome,
      String account,
      @Nullable Operator operator,
      String clientAddress) {
    LoggingEventBuilder event = log.atLevel(level);
    if (operator != null) {
      event = event.addKeyValue("operatorId", operator.id().value());
    }
    event
        .addKeyValue("email", EmailMask.of(account))
        .addKeyValue("clientAddress", clientAddress)
        .addKeyValue("outcome", outcome)
        .log("operator sign-in {}", outcome);
  }
}

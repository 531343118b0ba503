package io.ghlcredly.web.operators;

import java.util.Optional;

/** What a new password must be, with the message to show when it is not. Thread-safe. */
public final class PasswordPolicy {
  /** The fewest characters a password may have. */
  public static final int MIN_LENGTH = 12;

  /** The most characters: hashing a megabyte on every sign-in would be a cheap way to load us. */
  public static final int MAX_LENGTH = 256;

  private PasswordPolicy() {}

  /** Why the password cannot be the operator's; empty when it can. */
  public static Optional<String> problem(String password, String email) {
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      return Optional.of(
          "The password needs at least " + MIN_LENGTH + " characters (it has " + length + ").");
    }
    if (length > MAX_LENGTH) {
      return Optional.of("The password may have at most " + MAX_LENGTH + " characters.");
    }
    if (password.strip().equalsIgnoreCase(email.strip())) {
      return Optional.of("The password must not be your email address.");
    }
    return Optional.empty();
  }
}

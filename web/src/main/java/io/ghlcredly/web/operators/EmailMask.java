package io.ghlcredly.web.operators;

/**
 * An email as logs show it: the first letter of the local part and the domain ({@code
 * a***@example.com}), enough to tell attempts apart, not enough to collect addresses.
 */
public final class EmailMask {
  private EmailMask() {}

  public static String of(String email) {
    int at = email.lastIndexOf('@');
    if (at <= 0) {
      return "***";
    }
    return email.substring(0, email.offsetByCodePoints(0, 1)) + "***" + email.substring(at);
  }

  /** Who did something, for logs: an operator's email masked, a word such as {@code cli} as is. */
  static String actor(String by) {
    return by.indexOf('@') >= 0 ? of(by) : by;
  }
}

package io.ghlcredly.core.error;

/**
 * A connected account can no longer be used: its refresh token was refused or revoked, or its
 * static token was rejected. The account is marked disconnected; work for it should wait until it
 * is installed again, not be dropped.
 */
public final class AccountDisconnectedException extends SyncException {
  private final String account;
  private final String reason;

  /**
   * @param account the account, such as {@code LOCATION:abc}
   * @param reason why, as an operator should read it (never a token)
   */
  public AccountDisconnectedException(String account, String reason) {
    super("account " + account + " is disconnected: " + reason, null);
    this.account = account;
    this.reason = reason;
  }

  public String account() {
    return account;
  }

  public String reason() {
    return reason;
  }
}

package io.ghlcredly.core.model;

import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A named person who signs in to the dashboard and the admin API, with a role. The password hash is
 * not part of it (see {@code OperatorStore.Credentials}), so an operator can be shown and logged
 * freely.
 *
 * @param email lower-cased (see {@link #normalizeEmail}); unique
 * @param displayName as given when invited; null when none was
 * @param passwordSet whether a password was set: an invited operator has none until they use their
 *     one-time link
 * @param createdBy who invited them: an operator's email, or a word such as {@code cli}
 * @param credentialsChangedAt when the password was last set or the operator last disabled (at
 *     first, when invited): a session created before it no longer counts
 */
public record Operator(
    OperatorId id,
    String email,
    @Nullable String displayName,
    OperatorRole role,
    boolean passwordSet,
    boolean disabled,
    Instant createdAt,
    String createdBy,
    Instant credentialsChangedAt) {

  /** Where an operator stands, as listed. */
  public enum State {
    /** Invited, no password set yet. */
    INVITED,
    /** May sign in. */
    ACTIVE,
    /** May not sign in until enabled again. */
    DISABLED;

    /** The word shown in lists: {@code invited}, {@code active}, {@code disabled}. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Operator {
    if (!email.equals(normalizeEmail(email))) {
      throw new IllegalArgumentException("an operator's email is stored lower-cased");
    }
  }

  public State state() {
    if (disabled) {
      return State.DISABLED;
    }
    return passwordSet ? State.ACTIVE : State.INVITED;
  }

  /** The display name, else the email. */
  public String name() {
    return displayName == null || displayName.isBlank() ? email : displayName;
  }

  /**
   * The form in which emails are stored and compared: trimmed and lower-cased, so that {@code
   * Ada@Example.com} and {@code ada@example.com} are one operator.
   */
  public static String normalizeEmail(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }
}

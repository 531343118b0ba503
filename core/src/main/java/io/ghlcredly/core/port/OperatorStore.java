package io.ghlcredly.core.port;

import io.ghlcredly.core.model.Operator;
import io.ghlcredly.core.model.OperatorId;
import io.ghlcredly.core.model.OperatorRole;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Named operators, their password hashes and their one-time set-password links (invites). Emails
 * are compared as {@link Operator#normalizeEmail} writes them, whatever case the caller passes.
 * Implementations keep only a one-way hash of an invite token, never the token itself.
 *
 * <p>Once an enabled admin exists, the store keeps one: a role change or a disabling that would
 * leave none is refused ({@link Change#LAST_ADMIN}), atomically even when two instances try at
 * once. Thread-safe.
 */
public interface OperatorStore {
  /** What came of a change that must not leave the operators without an enabled admin. */
  enum Change {
    DONE,
    /** No operator has the id. */
    NOT_FOUND,
    /** Refused: the operator is the last enabled admin. */
    LAST_ADMIN
  }

  /**
   * An operator with their password hash, to check a password and nothing else. Its {@code
   * toString()} leaves the hash out.
   *
   * @param passwordHash in the encoder's own format; null until a password is set
   */
  record Credentials(Operator operator, @Nullable String passwordHash) {
    @Override
    public String toString() {
      return "Credentials[operator=" + operator + ", passwordHash=***]";
    }
  }

  /**
   * Adds an operator without a password, credentials changed at {@code now}.
   *
   * @return the stored operator; empty when the email is taken
   */
  Optional<Operator> add(
      String email, @Nullable String displayName, OperatorRole role, String createdBy, Instant now);

  Optional<Operator> find(OperatorId id);

  Optional<Operator> findByEmail(String email);

  Optional<Credentials> findCredentials(String email);

  Optional<Credentials> findCredentials(OperatorId id);

  /** Every operator, by email. */
  List<Operator> list();

  /**
   * Sets the password hash; credentials changed at {@code now}.
   *
   * @throws io.ghlcredly.core.error.NotFoundException when no operator has the id
   */
  void setPassword(OperatorId id, String passwordHash, Instant now);

  /** Changes the role, unless that demotes the last enabled admin. */
  Change changeRole(OperatorId id, OperatorRole role);

  /**
   * Disables the operator (credentials changed at {@code now}), unless they are the last enabled
   * admin. Disabling a disabled operator changes nothing and is {@link Change#DONE}.
   */
  Change disable(OperatorId id, Instant now);

  /** Enables the operator again; never {@link Change#LAST_ADMIN}. */
  Change enable(OperatorId id);

  /**
   * Stores a new one-time link token for the operator, usable until {@code expiresAt}; an earlier
   * token of theirs stops working.
   *
   * @throws io.ghlcredly.core.error.NotFoundException when no operator has the id
   */
  void saveInvite(OperatorId id, String token, Instant expiresAt);

  /**
   * The operator whose link the token is, while it can still be used at {@code now}: not used, not
   * expired, not replaced, the operator not disabled.
   */
  Optional<Operator> findByInvite(String token, Instant now);

  /**
   * Uses up the token and sets the operator's password hash in one step (credentials changed at
   * {@code now}), when the token can still be used (see {@link #findByInvite}); a second use of the
   * same token, even at the same moment on another instance, finds nothing.
   *
   * @return the operator, with the password set; empty when the token cannot be used
   */
  Optional<Operator> redeemInvite(String token, String passwordHash, Instant now);
}

package io.ghlcredly.web.operators;

import io.ghlcredly.core.error.NotFoundException;
import io.ghlcredly.core.model.Operator;
import io.ghlcredly.core.model.OperatorId;
import io.ghlcredly.core.model.OperatorRole;
import io.ghlcredly.core.port.AdminSessionStore;
import io.ghlcredly.core.port.OperatorStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who the operators are and what they may do: invitations with a one-time link, roles, disabling
 * and enabling. There is always an enabled admin once there was one: demoting or disabling the last
 * is refused. Disabling ends the operator's sessions. Every change is logged with who made it.
 *
 * <p>{@code by} names who makes a change: an operator's email (as {@code Actor.name()} gives it),
 * or a word such as {@code cli} or {@code admin-token}. Thread-safe.
 */
public final class Operators {
  private static final Logger log = LoggerFactory.getLogger(Operators.class);

  /** How long a one-time link works: 72 hours. */
  public static final Duration LINK_VALIDITY = Duration.ofDays(3);

  private static final int TOKEN_BYTES = 32;
  private static final int MAX_EMAIL_LENGTH = 254;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final OperatorStore store;
  private final AdminSessionStore sessions;
  private final InstantSource clock;
  private final SecureRandom random = new SecureRandom();

  public Operators(OperatorStore store, AdminSessionStore sessions, InstantSource clock) {
    this.store = store;
    this.sessions = sessions;
    this.clock = clock;
  }

  /**
   * Adds an operator without a password and makes their one-time link, valid {@link
   * #LINK_VALIDITY}. Refused for something that is not an email, or an email already taken.
   *
   * @param displayName shown instead of the email where there is room; blank or null for none
   */
  public InviteResult invite(
      String email, @Nullable String displayName, OperatorRole role, String by) {
    String normalized = Operator.normalizeEmail(email);
    if (normalized.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(normalized).matches()) {
      return new InviteResult.Refused("'" + email.strip() + "' is not an email address.");
    }
    String name = displayName == null || displayName.isBlank() ? null : displayName.strip();
    Optional<Operator> added = store.add(normalized, name, role, by, clock.instant());
    if (added.isEmpty()) {
      return new InviteResult.Refused(normalized + " is already an operator.");
    }
    Operator operator = added.get();
    log.atInfo()
        .addKeyValue("operatorId", operator.id().value())
        .addKeyValue("email", EmailMask.of(operator.email()))
        .addKeyValue("role", role.word())
        .addKeyValue("by", EmailMask.actor(by))
        .log("operator invited");
    return newLink(operator);
  }

  /**
   * A new one-time link for the operator, for a first password or a forgotten one; their earlier
   * link stops working. Their password, if set, keeps working until the link is used. Refused for a
   * disabled operator.
   *
   * @throws NotFoundException when no operator has the id
   */
  public InviteResult newLink(OperatorId id, String by) {
    Operator operator = require(id);
    if (operator.disabled()) {
      return new InviteResult.Refused(
          operator.email() + " is disabled: enable them before sending a new link.");
    }
    log.atInfo()
        .addKeyValue("operatorId", id.value())
        .addKeyValue("by", EmailMask.actor(by))
        .log("operator given a new one-time link");
    return newLink(operator);
  }

  /**
   * Gives the operator a role; refused when that demotes the last enabled admin. Their sessions
   * keep working, with the new role.
   *
   * @throws NotFoundException when no operator has the id
   */
  public ChangeResult changeRole(OperatorId id, OperatorRole role, String by) {
    Operator before = require(id);
    return switch (store.changeRole(id, role)) {
      case DONE -> {
        log.atInfo()
            .addKeyValue("operatorId", id.value())
            .addKeyValue("from", before.role().word())
            .addKeyValue("role", role.word())
            .addKeyValue("by", EmailMask.actor(by))
            .log("operator role changed");
        yield new ChangeResult.Changed(require(id));
      }
      case LAST_ADMIN -> lastAdmin(before, "demoted");
      case NOT_FOUND -> throw notFound(id);
    };
  }

  /**
   * Disables the operator and ends their sessions; refused for the last enabled admin.
   *
   * @throws NotFoundException when no operator has the id
   */
  public ChangeResult disable(OperatorId id, String by) {
    Operator before = require(id);
    return switch (store.disable(id, clock.instant())) {
      case DONE -> {
        int ended = sessions.deleteForOperator(id);
        log.atInfo()
            .addKeyValue("operatorId", id.value())
            .addKeyValue("sessionsEnded", ended)
            .addKeyValue("by", EmailMask.actor(by))
            .log("operator disabled");
        yield new ChangeResult.Changed(require(id));
      }
      case LAST_ADMIN -> lastAdmin(before, "disabled");
      case NOT_FOUND -> throw notFound(id);
    };
  }

  /**
   * Lets a disabled operator sign in again (with their password, if they had set one).
   *
   * @throws NotFoundException when no operator has the id
   */
  public ChangeResult enable(OperatorId id, String by) {
    if (store.enable(id) == OperatorStore.Change.NOT_FOUND) {
      throw notFound(id);
    }
    log.atInfo()
        .addKeyValue("operatorId", id.value())
        .addKeyValue("by", EmailMask.actor(by))
        .log("operator enabled");
    return new ChangeResult.Changed(require(id));
  }

  /** Every operator, by email. */
  public List<Operator> list() {
    return store.list();
  }

  public Optional<Operator> find(OperatorId id) {
    return store.find(id);
  }

  /** The operator with the email, in any case. */
  public Optional<Operator> findByEmail(String email) {
    return store.findByEmail(email);
  }

  /**
   * The operator a stored session signs in, as they are now: empty for a session of the admin
   * token, of an operator since disabled or gone, or created before the operator's credentials last
   * changed (a new password, a disabling). The caller still applies its own idle and absolute
   * lifetimes.
   */
  public Optional<Operator> operatorOf(AdminSessionStore.StoredSession session) {
    OperatorId id = session.operatorId();
    if (id == null) {
      return Optional.empty();
    }
    return store
        .find(id)
        .filter(operator -> !operator.disabled())
        .filter(operator -> !session.createdAt().isBefore(operator.credentialsChangedAt()));
  }

  private InviteResult newLink(Operator operator) {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant expiresAt = clock.instant().plus(LINK_VALIDITY);
    store.saveInvite(operator.id(), token, expiresAt);
    return new InviteResult.Invited(operator, token, expiresAt);
  }

  private Operator require(OperatorId id) {
    return store.find(id).orElseThrow(() -> notFound(id));
  }

  private static NotFoundException notFound(OperatorId id) {
    return new NotFoundException("no operator " + id);
  }

  private static ChangeResult lastAdmin(Operator operator, String change) {
    return new ChangeResult.Refused(
        operator.email()
            + " is the last enabled admin and cannot be "
            + change
            + ": make another operator admin first.");
  }
}

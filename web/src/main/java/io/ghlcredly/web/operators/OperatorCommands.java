package io.ghlcredly.web.operators;

import io.ghlcredly.core.model.Operator;
import io.ghlcredly.core.model.OperatorRole;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The operator commands by email and role word, as the CLI ({@code ghl-credly operators ...}) and
 * the admin API take them, each answering an {@link Outcome} to print or to send as JSON. Links are
 * built on the base URL the service is reached at. Thread-safe.
 */
public final class OperatorCommands {
  /** What a command did. */
  public sealed interface Outcome {
    /** Done; the operator as they are now. */
    record Done(Operator operator) implements Outcome {}

    /** A new one-time link to hand to the operator. Its {@code toString()} leaves the link out. */
    record Linked(Operator operator, URI link, Instant expiresAt) implements Outcome {
      @Override
      public String toString() {
        return "Linked[operator=" + operator + ", link=***, expiresAt=" + expiresAt + "]";
      }
    }

    /** An email that is no operator's, or a word that is no role: a usage error. */
    record Unknown(String message) implements Outcome {}

    /** Not done, for the reason given. */
    record Refused(String message) implements Outcome {}
  }

  private final Operators operators;
  private final URI baseUrl;

  /**
   * @param baseUrl where browsers reach the service, e.g. {@code server.public-url}
   */
  public OperatorCommands(Operators operators, URI baseUrl) {
    this.operators = operators;
    this.baseUrl = baseUrl;
  }

  /** {@code operators add EMAIL --role ROLE [--name NAME]}: invites, answers the link. */
  public Outcome add(String email, String role, @Nullable String name, String by) {
    Optional<OperatorRole> parsed = OperatorRole.fromWord(role);
    if (parsed.isEmpty()) {
      return unknownRole(role);
    }
    return linked(operators.invite(email, name, parsed.get(), by));
  }

  /** {@code operators list}: every operator, by email. */
  public List<Operator> list() {
    return operators.list();
  }

  /** {@code operators role EMAIL ROLE}. */
  public Outcome role(String email, String role, String by) {
    Optional<OperatorRole> parsed = OperatorRole.fromWord(role);
    if (parsed.isEmpty()) {
      return unknownRole(role);
    }
    return onOperator(
        email, operator -> changed(operators.changeRole(operator.id(), parsed.get(), by)));
  }

  /** {@code operators disable EMAIL}: also ends their sessions. */
  public Outcome disable(String email, String by) {
    return onOperator(email, operator -> changed(operators.disable(operator.id(), by)));
  }

  /** {@code operators enable EMAIL}. */
  public Outcome enable(String email, String by) {
    return onOperator(email, operator -> changed(operators.enable(operator.id(), by)));
  }

  /** {@code operators reset EMAIL}: a new one-time link; the earlier one stops working. */
  public Outcome reset(String email, String by) {
    return onOperator(email, operator -> linked(operators.newLink(operator.id(), by)));
  }

  private Outcome onOperator(String email, Function<Operator, Outcome> command) {
    return operators
        .findByEmail(email)
        .map(command)
        .orElseGet(
            () ->
                new Outcome.Unknown(
                    "no operator has the email " + Operator.normalizeEmail(email) + "."));
  }

  private Outcome linked(InviteResult result) {
    return switch (result) {
      case InviteResult.Invited invited ->
          new Outcome.Linked(
              invited.operator(), WelcomeLink.of(baseUrl, invited.token()), invited.expiresAt());
      case InviteResult.Refused refused -> new Outcome.Refused(refused.reason());
    };
  }

  private static Outcome changed(ChangeResult result) {
    return switch (result) {
      case ChangeResult.Changed changed -> new Outcome.Done(changed.operator());
      case ChangeResult.Refused refused -> new Outcome.Refused(refused.reason());
    };
  }

  private static Outcome unknownRole(String role) {
    return new Outcome.Unknown(
        "unknown role '"
            + role
            + "': choose "
            + Arrays.stream(OperatorRole.values())
                .map(OperatorRole::word)
                .collect(Collectors.joining(", "))
            + ".");
  }
}

package io.ghlcredly.web.admin;

import io.ghlcredly.core.model.Operator;
import io.ghlcredly.web.Endpoint;
import io.ghlcredly.web.operators.Passwords;
import io.ghlcredly.web.operators.SetPasswordResult;
import io.ghlcredly.web.operators.SignIn;
import io.ghlcredly.web.operators.SignInResult;
import io.ghlcredly.web.operators.WelcomeLink;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in with an email and a password, signing out, and the one-time welcome link where an
 * invited operator sets a password. The admin token never signs a browser in. Thread-safe.
 */
final class SignInPages {
  private final AdminAccess access;
  private final SignIn signIn;
  private final Passwords passwords;
  private final PageRenderer renderer;

  SignInPages(AdminAccess access, SignIn signIn, Passwords passwords, PageRenderer renderer) {
    this.access = access;
    this.signIn = signIn;
    this.passwords = passwords;
    this.renderer = renderer;
  }

  List<Endpoint> endpoints() {
    return List.of(
        Endpoint.management(HandlerType.POST, Dashboard.HOME + "/login", this::signIn),
        Endpoint.management(HandlerType.POST, Dashboard.HOME + "/logout", this::signOut),
        Endpoint.management(HandlerType.GET, WelcomeLink.PATH, this::welcome),
        Endpoint.management(HandlerType.POST, WelcomeLink.PATH, this::setPassword));
  }

  private void signIn(Context ctx) {
    String email = Forms.field(ctx, "email").trim();
    String password = Forms.field(ctx, "password");
    if (email.isEmpty() || password.isEmpty()) {
      renderer.signInPage(ctx, 400, "Enter your email and your password.", email);
      return;
    }
    switch (signIn.signIn(email, password, ctx.ip())) {
      case SignInResult.SignedIn signedIn -> started(ctx, signedIn.operator(), email);
      case SignInResult.Wrong wrong ->
          renderer.signInPage(ctx, 401, "That email and password do not match.", email);
      case SignInResult.Throttled throttled -> {
        long minutes = Math.max(1, (throttled.retryAfter().toSeconds() + 59) / 60);
        ctx.header("Retry-After", Long.toString(throttled.retryAfter().toSeconds()));
        renderer.signInPage(
            ctx, 429, "Too many failed attempts. Try again in " + minutes + " minute(s).", email);
      }
      case SignInResult.Disabled disabled ->
          renderer.signInPage(ctx, 403, "This operator is disabled: ask an admin.", email);
      case SignInResult.NoPasswordYet none ->
          renderer.signInPage(
              ctx,
              403,
              "No password is set yet: open the link you were sent, or ask an admin for a new"
                  + " one.",
              email);
    }
  }

  private void started(Context ctx, Operator operator, String email) {
    if (access.start(ctx, operator).isEmpty()) {
      renderer.signInPage(ctx, 503, "Too many open sessions; try again later.", email);
      return;
    }
    PageGuards.redirect(ctx, Dashboard.HOME, "signed-in");
  }

  private void signOut(Context ctx) {
    Optional<AdminAccess.Session> session = access.session(ctx);
    if (session.isPresent() && AdminAccess.csrfMatches(session.get(), Forms.field(ctx, "csrf"))) {
      access.end(ctx, session.get());
    }
    PageGuards.redirect(ctx, Dashboard.HOME, "");
  }

  private void welcome(Context ctx) {
    String token =
        java.util.Objects.requireNonNullElse(ctx.queryParam(WelcomeLink.TOKEN_PARAMETER), "");
    Optional<Operator> invited = token.isEmpty() ? Optional.empty() : passwords.findInvited(token);
    if (invited.isEmpty()) {
      linkNotValid(ctx);
      return;
    }
    welcomePage(ctx, 200, token, invited.get(), "");
  }

  private void setPassword(Context ctx) {
    String token = Forms.field(ctx, "token");
    String password = Forms.field(ctx, "password");
    String confirmation = Forms.field(ctx, "confirmation");
    Optional<Operator> invited = token.isEmpty() ? Optional.empty() : passwords.findInvited(token);
    if (invited.isEmpty()) {
      linkNotValid(ctx);
      return;
    }
    if (!password.equals(confirmation)) {
      welcomePage(ctx, 400, token, invited.get(), "The two passwords are not the same.");
      return;
    }
    switch (passwords.setPasswordWithInvite(token, password)) {
      case SetPasswordResult.PasswordSet set ->
          started(ctx, set.operator(), set.operator().email());
      case SetPasswordResult.Rejected rejected ->
          welcomePage(ctx, 400, token, invited.get(), rejected.reason());
      case SetPasswordResult.LinkNotValid notValid -> linkNotValid(ctx);
    }
  }

  private void welcomePage(
      Context ctx, int status, String token, Operator operator, String problem) {
    Map<String, Object> context = new HashMap<>();
    context.put("token", token);
    context.put("email", operator.email());
    context.put("role", operator.role().word());
    context.put("problem", problem);
    renderer.anonymous(ctx, status, "welcome", context);
  }

  private void linkNotValid(Context ctx) {
    Map<String, Object> context = new HashMap<>();
    context.put("token", "");
    context.put("email", "");
    context.put("role", "");
    context.put(
        "problem",
        "This link is not valid any more (used, replaced or older than 72 hours): ask an admin for a"
            + " new one.");
    renderer.anonymous(ctx, 410, "welcome", context);
  }
}

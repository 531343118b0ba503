package io.ghlcredly.web.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.model.Operator;
import io.ghlcredly.core.model.OperatorRole;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PasswordsTest extends OperatorFixture {
  @Test
  void aLinkSetsThePasswordOnceAsAnArgon2idHash() {
    InviteResult.Invited invited =
        (InviteResult.Invited)
            services.operators().invite("ada@example.com", null, OperatorRole.ADMIN, "cli");

    SetPasswordResult first = services.passwords().setPasswordWithInvite(invited.token(), PASSWORD);
    SetPasswordResult second =
        services.passwords().setPasswordWithInvite(invited.token(), "another long password");

    assertThat(first).isInstanceOf(SetPasswordResult.PasswordSet.class);
    assertThat(second).isEqualTo(new SetPasswordResult.LinkNotValid());
    String hash = store.findCredentials("ada@example.com").orElseThrow().passwordHash();
    assertThat(hash).startsWith("$argon2id$").doesNotContain(PASSWORD);
    assertThat(services.signIn().signIn("ada@example.com", PASSWORD, ADDRESS))
        .isInstanceOf(SignInResult.SignedIn.class);
  }

  @Test
  void aLinkStopsWorkingAfter72Hours() {
    InviteResult.Invited invited =
        (InviteResult.Invited)
            services.operators().invite("ada@example.com", null, OperatorRole.ADMIN, "cli");
    clock.advance(Duration.ofDays(3));

    assertThat(services.passwords().findInvited(invited.token())).isEmpty();
    assertThat(services.passwords().setPasswordWithInvite(invited.token(), PASSWORD))
        .isEqualTo(new SetPasswordResult.LinkNotValid());
    assertThat(services.passwords().setPasswordWithInvite("made-up-token", PASSWORD))
        .isEqualTo(new SetPasswordResult.LinkNotValid());
  }

  @Test
  void aPasswordThatBreaksARuleIsRejectedAndTheLinkStillWorks() {
    InviteResult.Invited invited =
        (InviteResult.Invited)
            services
                .operators()
                .invite("ada.lovelace@example.com", null, OperatorRole.ADMIN, "cli");

    SetPasswordResult tooShort =
        services.passwords().setPasswordWithInvite(invited.token(), "short pass");
    SetPasswordResult theEmail =
        services.passwords().setPasswordWithInvite(invited.token(), "Ada.Lovelace@example.com");
    SetPasswordResult good = services.passwords().setPasswordWithInvite(invited.token(), PASSWORD);

    assertThat(tooShort)
        .isEqualTo(
            new SetPasswordResult.Rejected(
                "The password needs at least 12 characters (it has 10)."));
    assertThat(theEmail)
        .isEqualTo(new SetPasswordResult.Rejected("The password must not be your email address."));
    assertThat(good).isInstanceOf(SetPasswordResult.PasswordSet.class);
  }

  @Test
  void settingThePasswordWithANewLinkEndsEarlierSessions() {
    Operator ada = active("ada@example.com", OperatorRole.ADMIN);
    sessions.create("ada-laptop", "csrf", ada.id(), clock.instant());
    InviteResult.Invited reset =
        (InviteResult.Invited) services.operators().newLink(ada.id(), "cli");

    assertThat(services.signIn().signIn("ada@example.com", PASSWORD, ADDRESS))
        .as("the old password works until the new link is used")
        .isInstanceOf(SignInResult.SignedIn.class);
    services.passwords().setPasswordWithInvite(reset.token(), "a brand new password");

    assertThat(sessions.find("ada-laptop")).isEmpty();
    assertThat(services.signIn().signIn("ada@example.com", PASSWORD, ADDRESS))
        .isEqualTo(new SignInResult.Wrong());
  }

  @Test
  void changingThePasswordNeedsTheCurrentOneAndEndsEverySessionOfTheOperator() {
    Operator ada = active("ada@example.com", OperatorRole.ADMIN);
    Operator bob = active("bob@example.com", OperatorRole.VIEWER);
    sessions.create("ada-laptop", "csrf-1", ada.id(), clock.instant());
    sessions.create("ada-phone", "csrf-2", ada.id(), clock.instant());
    sessions.create("bob-laptop", "csrf-3", bob.id(), clock.instant());
    clock.advance(Duration.ofMinutes(10));

    ChangePasswordResult wrong =
        services.passwords().changePassword(ada.id(), "not my password", "a brand new password");
    ChangePasswordResult weak = services.passwords().changePassword(ada.id(), PASSWORD, "short");
    ChangePasswordResult changed =
        services.passwords().changePassword(ada.id(), PASSWORD, "a brand new password");

    assertThat(wrong).isEqualTo(new ChangePasswordResult.WrongCurrentPassword());
    assertThat(weak).isInstanceOf(ChangePasswordResult.Rejected.class);
    assertThat(changed).isInstanceOf(ChangePasswordResult.Changed.class);
    Operator after = ((ChangePasswordResult.Changed) changed).operator();
    assertThat(after.credentialsChangedAt()).isEqualTo(clock.instant());
    assertThat(sessions.find("ada-laptop")).isEmpty();
    assertThat(sessions.find("ada-phone")).isEmpty();
    assertThat(sessions.find("bob-laptop")).isPresent();
    assertThat(services.signIn().signIn("ada@example.com", "a brand new password", ADDRESS))
        .isInstanceOf(SignInResult.SignedIn.class);
  }

  @Test
  void wrongCurrentPasswordsCountAgainstTheAccountLikeFailedSignIns() {
    Operator ada = active("ada@example.com", OperatorRole.ADMIN);
    for (int i = 0; i < 3; i++) {
      services.signIn().signIn("ada@example.com", "wrong password " + i, ADDRESS);
    }
    for (int i = 0; i < 2; i++) {
      services.passwords().changePassword(ada.id(), "wrong password " + i, "a brand new password");
    }

    assertThat(services.passwords().changePassword(ada.id(), PASSWORD, "a brand new password"))
        .isEqualTo(new ChangePasswordResult.Throttled(Duration.ofMinutes(15)));
    assertThat(services.signIn().signIn("ada@example.com", PASSWORD, ADDRESS))
        .isEqualTo(new SignInResult.Throttled(Duration.ofMinutes(15)));
  }
}

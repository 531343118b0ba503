package io.ghlcredly.web.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.model.Operator;
import io.ghlcredly.core.model.OperatorRole;
import io.ghlcredly.core.port.AdminSessionStore;
import io.ghlcredly.storage.Jdbc;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OperatorsTest extends OperatorFixture {
  @Test
  void invitesWithAOneTimeLinkValidFor72HoursWhoseTokenIsStoredOnlyAsAHash() {
    InviteResult result =
        services.operators().invite(" Ada@Example.com", "Ada", OperatorRole.EDITOR, "cli");

    InviteResult.Invited invited = (InviteResult.Invited) result;
    assertThat(invited.operator().email()).isEqualTo("ada@example.com");
    assertThat(invited.operator().state()).isEqualTo(Operator.State.INVITED);
    assertThat(invited.operator().createdBy()).isEqualTo("cli");
    assertThat(invited.token()).matches("[A-Za-z0-9_-]{43}");
    assertThat(invited.toString()).doesNotContain(invited.token());
    assertThat(invited.expiresAt()).isEqualTo(T0.plus(Duration.ofDays(3)));
    assertThat(
            new Jdbc(database)
                .query("SELECT token_hash FROM operator_invite", row -> row.getString(1)))
        .singleElement()
        .asString()
        .doesNotContain(invited.token());
    assertThat(services.passwords().findInvited(invited.token())).contains(invited.operator());
  }

  @Test
  void refusesAnEmailTakenInAnyCaseAndWhatIsNoEmail() {
    invited("ada@example.com", OperatorRole.VIEWER);

    assertThat(services.operators().invite("ADA@example.com", null, OperatorRole.ADMIN, "cli"))
        .isEqualTo(new InviteResult.Refused("ada@example.com is already an operator."));
    assertThat(services.operators().invite("ada", null, OperatorRole.ADMIN, "cli"))
        .isEqualTo(new InviteResult.Refused("'ada' is not an email address."));
    assertThat(services.operators().list()).hasSize(1);
  }

  @Test
  void aNewLinkReplacesTheEarlierOne() {
    InviteResult.Invited first =
        (InviteResult.Invited)
            services.operators().invite("ada@example.com", null, OperatorRole.VIEWER, "cli");
    clock.advance(Duration.ofHours(1));

    InviteResult.Invited second =
        (InviteResult.Invited) services.operators().newLink(first.operator().id(), "cli");

    assertThat(second.token()).isNotEqualTo(first.token());
    assertThat(second.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(73)));
    assertThat(services.passwords().findInvited(first.token())).isEmpty();
    assertThat(services.passwords().findInvited(second.token())).isPresent();
  }

  @Test
  void refusesDemotingOrDisablingTheLastEnabledAdmin() {
    Operator ada = active("ada@example.com", OperatorRole.ADMIN);
    Operator bob = active("bob@example.com", OperatorRole.EDITOR);

    ChangeResult demote = services.operators().changeRole(ada.id(), OperatorRole.EDITOR, "cli");
    ChangeResult disable = services.operators().disable(ada.id(), "cli");

    String refusal =
        "ada@example.com is the last enabled admin and cannot be %s: make another operator admin"
            + " first.";
    assertThat(demote).isEqualTo(new ChangeResult.Refused(refusal.formatted("demoted")));
    assertThat(disable).isEqualTo(new ChangeResult.Refused(refusal.formatted("disabled")));
    assertThat(services.operators().changeRole(bob.id(), OperatorRole.ADMIN, "ada@example.com"))
        .isInstanceOf(ChangeResult.Changed.class);
    assertThat(services.operators().changeRole(ada.id(), OperatorRole.VIEWER, "bob@example.com"))
        .isEqualTo(new ChangeResult.Changed(store.find(ada.id()).orElseThrow()));
    assertThat(store.find(ada.id()).orElseThrow().role()).isEqualTo(OperatorRole.VIEWER);
  }

  @Test
  void disablingEndsTheOperatorsSessionsAndEnablingDoesNotBringThemBack() {
    active("ada@example.com", OperatorRole.ADMIN);
    Operator bob = active("bob@example.com", OperatorRole.EDITOR);
    sessions.create("bob-laptop", "csrf-1", bob.id(), clock.instant());
    sessions.create("token-login", "csrf-2", null, clock.instant());
    AdminSessionStore.StoredSession laptop = sessions.find("bob-laptop").orElseThrow();
    assertThat(services.operators().operatorOf(laptop)).contains(bob);
    clock.advance(Duration.ofMinutes(5));

    ChangeResult disabled = services.operators().disable(bob.id(), "ada@example.com");

    assertThat(((ChangeResult.Changed) disabled).operator().state())
        .isEqualTo(Operator.State.DISABLED);
    assertThat(sessions.find("bob-laptop")).isEmpty();
    assertThat(sessions.find("token-login")).isPresent();
    assertThat(services.operators().enable(bob.id(), "ada@example.com"))
        .isInstanceOf(ChangeResult.Changed.class);
    assertThat(services.operators().operatorOf(laptop))
        .as("a session from before the disabling, had it survived, does not count")
        .isEmpty();
  }

  @Test
  void aSessionSignsInTheOperatorAsTheyAreNow() {
    active("ada@example.com", OperatorRole.ADMIN);
    Operator bob = active("bob@example.com", OperatorRole.EDITOR);
    sessions.create("bob-laptop", "csrf", bob.id(), clock.instant());
    AdminSessionStore.StoredSession laptop = sessions.find("bob-laptop").orElseThrow();

    services.operators().changeRole(bob.id(), OperatorRole.VIEWER, "ada@example.com");

    assertThat(services.operators().operatorOf(laptop).map(Operator::role))
        .contains(OperatorRole.VIEWER);
    sessions.create("token-login", "csrf", null, clock.instant());
    assertThat(services.operators().operatorOf(sessions.find("token-login").orElseThrow()))
        .as("the admin token's session is no operator's")
        .isEmpty();
  }
}

package io.ghlcredly.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.ghlcredly.core.error.NotFoundException;
import io.ghlcredly.core.model.Operator;
import io.ghlcredly.core.model.OperatorId;
import io.ghlcredly.core.model.OperatorRole;
import io.ghlcredly.core.port.OperatorStore;
import io.ghlcredly.core.port.OperatorStore.Change;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** What {@link JdbcOperatorStore} must do, on each database. */
public abstract class OperatorStoreContract extends StoreFixture {
  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
  private static final Instant LATER = T0.plus(Duration.ofHours(1));
  private static final Instant EXPIRES = T0.plus(Duration.ofDays(3));

  private OperatorStore store() {
    return new JdbcOperatorStore(database);
  }

  private Operator add(String email, OperatorRole role) {
    return store().add(email, null, role, "cli", T0).orElseThrow();
  }

  @Test
  void addsAnOperatorWithoutAPasswordWhoseEmailIsOneWhateverItsCase() {
    Operator ada =
        store()
            .add(" Ada@Example.COM ", "Ada Lovelace", OperatorRole.EDITOR, "cli", T0)
            .orElseThrow();

    assertThat(ada.email()).isEqualTo("ada@example.com");
    assertThat(ada.displayName()).isEqualTo("Ada Lovelace");
    assertThat(ada.role()).isEqualTo(OperatorRole.EDITOR);
    assertThat(ada.state()).isEqualTo(Operator.State.INVITED);
    assertThat(ada.createdAt()).isEqualTo(T0);
    assertThat(ada.createdBy()).isEqualTo("cli");
    assertThat(ada.credentialsChangedAt()).isEqualTo(T0);
    assertThat(store().findByEmail("ADA@example.com")).contains(ada);
    assertThat(store().find(ada.id())).contains(ada);
    assertThat(store().findCredentials("ada@example.com").orElseThrow().passwordHash()).isNull();
    assertThat(store().add("ada@EXAMPLE.com", null, OperatorRole.VIEWER, "cli", LATER)).isEmpty();
    assertThat(store().findByEmail("bob@example.com")).isEmpty();
  }

  @Test
  void listsEveryOperatorByEmail() {
    add("carol@example.com", OperatorRole.VIEWER);
    add("ada@example.com", OperatorRole.ADMIN);
    add("bob@example.com", OperatorRole.EDITOR);

    assertThat(store().list())
        .extracting(Operator::email)
        .containsExactly("ada@example.com", "bob@example.com", "carol@example.com");
  }

  @Test
  void setsThePasswordHashAndMovesCredentialsChangedAt() {
    Operator ada = add("ada@example.com", OperatorRole.VIEWER);

    store().setPassword(ada.id(), "$argon2id$v=19$m=16384,t=2,p=1$c2FsdA$aGFzaA", LATER);

    OperatorStore.Credentials credentials = store().findCredentials(ada.id()).orElseThrow();
    assertThat(credentials.passwordHash())
        .isEqualTo("$argon2id$v=19$m=16384,t=2,p=1$c2FsdA$aGFzaA");
    assertThat(credentials.toString()).doesNotContain("argon2");
    assertThat(credentials.operator().state()).isEqualTo(Operator.State.ACTIVE);
    assertThat(credentials.operator().credentialsChangedAt()).isEqualTo(LATER);
    assertThatThrownBy(() -> store().setPassword(new OperatorId(999_999), "hash", LATER))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void keepsOnlyAHashOfAnInviteToken() {
    Operator ada = add("ada@example.com", OperatorRole.VIEWER);
    store().saveInvite(ada.id(), "the-invite-token", EXPIRES);

    String key =
        new Jdbc(database)
            .queryOne("SELECT token_hash FROM operator_invite", row -> row.getString(1))
            .orElseThrow();

    assertThat(key).hasSize(64).doesNotContain("the-invite-token");
    assertThat(store().findByInvite(key, T0)).isEmpty();
    assertThat(store().findByInvite("the-invite-token", T0)).contains(ada);
  }

  @Test
  void anInviteSetsThePasswordOnce() {
    Operator ada = add("ada@example.com", OperatorRole.VIEWER);
    store().saveInvite(ada.id(), "token-1", EXPIRES);

    Operator redeemed = store().redeemInvite("token-1", "hash-1", LATER).orElseThrow();

    assertThat(redeemed.passwordSet()).isTrue();
    assertThat(redeemed.credentialsChangedAt()).isEqualTo(LATER);
    assertThat(store().redeemInvite("token-1", "hash-2", LATER)).isEmpty();
    assertThat(store().findByInvite("token-1", LATER)).isEmpty();
    assertThat(store().findCredentials(ada.id()).orElseThrow().passwordHash()).isEqualTo("hash-1");
  }

  @Test
  void anInviteWorksOnlyUntilItExpires() {
    Operator ada = add("ada@example.com", OperatorRole.VIEWER);
    store().saveInvite(ada.id(), "token-1", EXPIRES);

    assertThat(store().findByInvite("token-1", EXPIRES.minusSeconds(1))).contains(ada);
    assertThat(store().findByInvite("token-1", EXPIRES)).isEmpty();
    assertThat(store().redeemInvite("token-1", "hash", EXPIRES)).isEmpty();
    assertThat(store().find(ada.id()).orElseThrow().passwordSet()).isFalse();
  }

  @Test
  void aNewInviteReplacesTheEarlierOne() {
    Operator ada = add("ada@example.com", OperatorRole.VIEWER);
    store().saveInvite(ada.id(), "token-1", EXPIRES);
    store().saveInvite(ada.id(), "token-2", EXPIRES.plusSeconds(60));

    assertThat(store().findByInvite("token-1", T0)).isEmpty();
    assertThat(store().redeemInvite("token-1", "hash", T0)).isEmpty();
    assertThat(store().redeemInvite("token-2", "hash", T0)).isPresent();
    assertThatThrownBy(() -> store().saveInvite(new OperatorId(999_999), "token-3", EXPIRES))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aDisabledOperatorsInviteCannotBeUsed() {
    add("ada@example.com", OperatorRole.ADMIN);
    Operator bob = add("bob@example.com", OperatorRole.VIEWER);
    store().saveInvite(bob.id(), "token-1", EXPIRES);

    store().disable(bob.id(), T0);

    assertThat(store().findByInvite("token-1", T0)).isEmpty();
    assertThat(store().redeemInvite("token-1", "hash", T0)).isEmpty();
  }

  @Test
  void theLastEnabledAdminIsNeitherDemotedNorDisabled() {
    Operator ada = add("ada@example.com", OperatorRole.ADMIN);
    Operator bob = add("bob@example.com", OperatorRole.ADMIN);
    Operator carol = add("carol@example.com", OperatorRole.EDITOR);

    assertThat(store().disable(bob.id(), LATER)).isEqualTo(Change.DONE);
    assertThat(store().changeRole(ada.id(), OperatorRole.EDITOR)).isEqualTo(Change.LAST_ADMIN);
    assertThat(store().disable(ada.id(), LATER)).isEqualTo(Change.LAST_ADMIN);
    assertThat(store().changeRole(ada.id(), OperatorRole.ADMIN)).isEqualTo(Change.DONE);
    assertThat(store().changeRole(bob.id(), OperatorRole.VIEWER))
        .as("a disabled admin is not the last enabled one")
        .isEqualTo(Change.DONE);
    assertThat(store().changeRole(carol.id(), OperatorRole.ADMIN)).isEqualTo(Change.DONE);
    assertThat(store().disable(ada.id(), LATER)).isEqualTo(Change.DONE);
    assertThat(store().list())
        .extracting(Operator::email, Operator::role, Operator::disabled)
        .containsExactly(
            tuple("ada@example.com", OperatorRole.ADMIN, true),
            tuple("bob@example.com", OperatorRole.VIEWER, true),
            tuple("carol@example.com", OperatorRole.ADMIN, false));
  }

  @Test
  void disablingMovesCredentialsChangedAtAndEnablingDoesNot() {
    add("ada@example.com", OperatorRole.ADMIN);
    Operator bob = add("bob@example.com", OperatorRole.EDITOR);

    assertThat(store().disable(bob.id(), LATER)).isEqualTo(Change.DONE);
    assertThat(store().disable(bob.id(), LATER.plusSeconds(60))).isEqualTo(Change.DONE);
    Operator disabled = store().find(bob.id()).orElseThrow();
    assertThat(store().enable(bob.id())).isEqualTo(Change.DONE);

    assertThat(disabled.state()).isEqualTo(Operator.State.DISABLED);
    assertThat(disabled.credentialsChangedAt()).isEqualTo(LATER);
    Operator enabled = store().find(bob.id()).orElseThrow();
    assertThat(enabled.disabled()).isFalse();
    assertThat(enabled.credentialsChangedAt()).isEqualTo(LATER);
  }

  @Test
  void changesToAnUnknownOperatorAreNotFound() {
    OperatorId nobody = new OperatorId(999_999);

    assertThat(store().changeRole(nobody, OperatorRole.ADMIN)).isEqualTo(Change.NOT_FOUND);
    assertThat(store().disable(nobody, T0)).isEqualTo(Change.NOT_FOUND);
    assertThat(store().enable(nobody)).isEqualTo(Change.NOT_FOUND);
    assertThat(store().findCredentials(nobody)).isEmpty();
  }

  @Test
  void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() throws Exception {
    Operator ada = add("ada@example.com", OperatorRole.ADMIN);
    Operator bob = add("bob@example.com", OperatorRole.ADMIN);
    CyclicBarrier start = new CyclicBarrier(2);

    List<Change> changes;
    try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
      List<CompletableFuture<Change>> demotions =
          List.of(ada, bob).stream()
              .map(
                  admin ->
                      CompletableFuture.supplyAsync(
                          () -> {
                            await(start);
                            return new JdbcOperatorStore(database)
                                .changeRole(admin.id(), OperatorRole.VIEWER);
                          },
                          threads))
              .toList();
      changes = demotions.stream().map(CompletableFuture::join).toList();
    }

    assertThat(changes).containsExactlyInAnyOrder(Change.DONE, Change.LAST_ADMIN);
    assertThat(store().list()).filteredOn(o -> o.role() == OperatorRole.ADMIN).hasSize(1);
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (BrokenBarrierException e) {
      throw new IllegalStateException(e);
    }
  }
}

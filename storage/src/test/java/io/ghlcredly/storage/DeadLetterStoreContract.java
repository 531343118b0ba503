package io.ghlcredly.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.DeadLetter;
import io.ghlcredly.core.model.EventId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link JdbcDeadLetterStore} must do, on each database. */
public abstract class DeadLetterStoreContract extends StoreFixture {
  private static final ContactId ANNA = new ContactId("contact-anna");
  private static final Instant T0 = Instant.parse("2026-01-31T12:00:00.001Z");

  private JdbcDeadLetterStore store;

  @BeforeEach
  void createStore() {
    store = new JdbcDeadLetterStore(database);
  }

  private static DeadLetter letter(String detail, Instant createdAt) {
    return new DeadLetter(
        0,
        "contact-sync",
        ANNA,
        List.of(new EventId("e1"), new EventId("e\"2")),
        detail,
        "ApiException: 503",
        8,
        createdAt,
        null);
  }

  @Test
  void addAssignsAnIdAndKeepsEveryField() {
    DeadLetter stored = store.add(letter("sync of contact-anna", T0));

    assertThat(stored.id()).isPositive();
    assertThat(stored)
        .usingRecursiveComparison()
        .ignoringFields("id")
        .isEqualTo(letter("sync of contact-anna", T0));
    assertThat(store.find(stored.id())).contains(stored);
  }

  @Test
  void listsTheNewestFirst() {
    store.add(letter("old", T0));
    store.add(letter("newest", T0.plusSeconds(20)));
    store.add(letter("middle", T0.plusSeconds(10)));

    assertThat(store.listRecent(2))
        .extracting(DeadLetter::detail)
        .containsExactly("newest", "middle");
    assertThat(store.count()).isEqualTo(3);
  }

  @Test
  void marksReplayed() {
    DeadLetter stored = store.add(letter("x", T0));

    store.markReplayed(stored.id(), T0.plusSeconds(60));

    assertThat(store.find(stored.id()).orElseThrow().replayedAt()).isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void findsNothingForAnUnknownId() {
    assertThat(store.find(12345)).isEmpty();
    assertThat(store.count()).isZero();
  }
}

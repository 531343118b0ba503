package io.ghlcredly.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.ContactSnapshot;
import io.ghlcredly.core.model.LocationId;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link JdbcSyncStateStore} must do, on each database. */
public abstract class SyncStateStoreContract extends StoreFixture {
  private static final ContactId ANNA = new ContactId("contact-anna");
  private static final Instant T0 = Instant.parse("2026-11-01T05:30:00.457Z");
  private static final LocationId LOCATION = new LocationId("location-1");

  private JdbcSyncStateStore store;

  @BeforeEach
  void createStore() {
    store = new JdbcSyncStateStore(database);
  }

  @Test
  void findsNothingForAnUnknownContact() {
    assertThat(store.find(ANNA)).isEmpty();
  }

  @Test
  void keepsTagsExactlyEvenWithQuotesCommasAndAccents() {
    Set<String> tags = Set.of("vip", "a,b", "say \"hi\"", "back\\slash", "élève", "new\nline", "");
    ContactSnapshot snapshot = new ContactSnapshot(ANNA, tags, T0.minusSeconds(90), T0);

    store.save(snapshot);

    assertThat(store.find(ANNA)).contains(snapshot);
  }

  @Test
  void savingAgainReplacesTheSnapshot() {
    store.save(new ContactSnapshot(ANNA, Set.of("old"), T0, T0));
    ContactSnapshot newer = new ContactSnapshot(ANNA, Set.of(), null, T0.plusSeconds(1));

    store.save(newer);

    assertThat(store.find(ANNA)).contains(newer);
  }

  @Test
  void forgettingDropsOnlyThatContactsSnapshot() {
    ContactId ben = new ContactId("contact-ben");
    store.save(new ContactSnapshot(ANNA, Set.of("a"), null, T0));
    store.save(new ContactSnapshot(ben, Set.of("b"), null, T0));

    store.forget(ANNA);

    assertThat(store.find(ANNA)).isEmpty();
    assertThat(store.find(ben)).isPresent();
  }

  @Test
  void keepsContactsApart() {
    ContactId ben = new ContactId("contact-ben");
    store.save(new ContactSnapshot(ANNA, Set.of("a"), null, T0));
    store.save(new ContactSnapshot(ben, Set.of("b"), null, T0));

    assertThat(store.find(ANNA).orElseThrow().tags()).containsExactly("a");
    assertThat(store.find(ben).orElseThrow().tags()).containsExactly("b");
  }

  @Test
  void keepsLocationFieldsAndRecordDigest() {
    Map<String, String> fields =
        Map.of(
            "email", "anna@example.com",
            "customField.abc123", "Level 2, \"advanced\"",
            "status", "élève\nnew line",
            "empty", "");
    ContactSnapshot snapshot =
        new ContactSnapshot(
            ANNA, Set.of("vip"), T0, T0.plusSeconds(1), LOCATION, fields, "sha256:0a1b");

    store.save(snapshot);

    ContactSnapshot found = store.find(ANNA).orElseThrow();
    assertThat(found).isEqualTo(snapshot);
    assertThat(found.fields()).isEqualTo(fields);
    assertThat(found.locationId()).isEqualTo(LOCATION);
    assertThat(found.recordDigest()).isEqualTo("sha256:0a1b");
  }

  @Test
  void savingAgainReplacesFieldsLocationAndDigest() {
    store.save(
        new ContactSnapshot(
            ANNA, Set.of(), T0, T0, LOCATION, Map.of("email", "old@example.com"), "digest-1"));
    ContactSnapshot newer =
        new ContactSnapshot(ANNA, Set.of(), T0, T0.plusSeconds(1), null, Map.of(), null);

    store.save(newer);

    assertThat(store.find(ANNA)).contains(newer);
  }

  @Test
  void aRowSavedBeforeFieldsWereKeptReadsBackWithNoneOfThem() {
    new Jdbc(database)
        .update(
            "INSERT INTO contact_state (contact_id, tags, date_updated, applied_at)"
                + " VALUES (?, ?, ?, ?)",
            ANNA.value(),
            "[\"vip\"]",
            null,
            T0);

    assertThat(store.find(ANNA)).contains(new ContactSnapshot(ANNA, Set.of("vip"), null, T0));
  }
}

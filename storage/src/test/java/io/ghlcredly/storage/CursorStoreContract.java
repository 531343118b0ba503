package io.ghlcredly.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link JdbcCursorStore} must do, on each database. */
public abstract class CursorStoreContract extends StoreFixture {
  private static final Instant NOW = Instant.parse("2026-11-01T05:30:00Z");
  private static final InstantSource CLOCK = InstantSource.fixed(NOW);

  private JdbcCursorStore store;

  @BeforeEach
  void createStore() {
    store = new JdbcCursorStore(database, CLOCK);
  }

  @Test
  void findsNothingForAnUnknownCursor() {
    assertThat(store.find("ghl-contacts:loc-1")).isEmpty();
  }

  @Test
  void savingAgainReplacesThePosition() {
    store.save("ghl-contacts:loc-1", "2026-11-01T05:00:00.123Z");
    store.save("ghl-contacts:loc-1", "2026-11-01T05:10:00Z");

    assertThat(store.find("ghl-contacts:loc-1")).contains("2026-11-01T05:10:00Z");
  }

  @Test
  void keepsCursorsApart() {
    store.save("ghl-contacts:loc-1", "a");
    store.save("ghl-contacts:loc-2", "b");

    assertThat(store.find("ghl-contacts:loc-1")).contains("a");
    assertThat(store.find("ghl-contacts:loc-2")).contains("b");
  }

  @Test
  void listsTheCursorsOfAPrefixByNameWithWhenTheyWereSaved() {
    store.save("import:loc_1", "v1|1|2|3|4|running|c");
    store.save("import:loc-2", "v1|1|1|1|0|complete|");
    store.save("importer", "not an import");
    store.save("ghl-contacts:loc-1", "x");

    assertThat(store.listByPrefix("import:"))
        .containsExactly(
            entry("import:loc-2", new JdbcCursorStore.Saved("v1|1|1|1|0|complete|", NOW)),
            entry("import:loc_1", new JdbcCursorStore.Saved("v1|1|2|3|4|running|c", NOW)));
    assertThat(store.listByPrefix("import:loc_")).containsOnlyKeys("import:loc_1");
  }
}

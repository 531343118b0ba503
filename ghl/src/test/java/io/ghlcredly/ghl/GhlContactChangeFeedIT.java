package io.ghlcredly.ghl;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.ContactVersion;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import io.ghlcredly.testkit.ghl.GhlEmulatorSettings;
import io.ghlcredly.testkit.server.EmulatorRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GhlContactChangeFeedIT {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final InstantSource clock = now::get;
  private final GhlEmulator emulator =
      GhlEmulator.start(GhlEmulatorSettings.defaults().withClock(clock));
  private final GhlClient client = GhlClient.create(GhlClientIT.settings(emulator));
  private final LocationId location = new LocationId(emulator.locationId());

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void listsContactsChangedSinceOldestChangeFirstAcrossPages() {
    String old = emulator.seedContact("Old", "One", "old@example.com");
    tick();
    String ada = emulator.seedContact("Ada", "L", "ada@example.com");
    String ben = emulator.seedContact("Ben", "M", "ben@example.com");
    tick();
    String cy = emulator.seedContact("Cy", "N", "cy@example.com");
    tick();
    // A silent change moves ada after cy, although ada was added earlier.
    emulator.addTagsSilently(ada, "graduate");

    List<ContactVersion> changed =
        new GhlContactChangeFeed(client, 2).changedSince(location, T0.plusSeconds(1)).toList();

    assertThat(changed)
        .extracting(ContactVersion::contactId)
        .containsExactly(new ContactId(ben), new ContactId(cy), new ContactId(ada))
        .doesNotContain(new ContactId(old));
    assertThat(changed.getLast().dateUpdated()).isEqualTo(T0.plusSeconds(3));
    List<EmulatorRequest> searches = emulator.requests();
    assertThat(searches).hasSize(2);
    assertThat(searches.getFirst().body())
        .contains("\"range\"", "\"gte\":\"2026-03-01T10:00:01Z\"", "\"dateUpdated\"", "\"asc\"");
  }

  @Test
  void findsNothingWhenNothingChangedSince() {
    emulator.seedContact("Old", "One", "old@example.com");

    assertThat(new GhlContactChangeFeed(client).changedSince(location, T0.plusSeconds(1)))
        .isEmpty();
  }

  private void tick() {
    now.updateAndGet(at -> at.plus(Duration.ofSeconds(1)));
  }
}

package io.ghlcredly.ghl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.port.ContactDirectory.Page;
import io.ghlcredly.http.RatePriority;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import io.ghlcredly.testkit.ghl.GhlEmulatorSettings;
import io.ghlcredly.testkit.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GhlContactDirectoryIT {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final MutableClock clock = MutableClock.at(T0);
  private final GhlEmulator emulator =
      GhlEmulator.start(GhlEmulatorSettings.defaults().withClock(clock));
  private final RecordingGate gate = new RecordingGate();
  private final GhlClient client = RecordingGate.client(GhlClientIT.settings(emulator), gate);
  private final GhlContactDirectory directory = new GhlContactDirectory(location -> client, 100);
  private final LocationId location = new LocationId(emulator.locationId());

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void walksEveryContactOnceAcrossPages() {
    List<String> seeded = seedSpreadOverTime(1_234);

    List<Page> pages = walk(null, null);

    assertThat(pages).hasSize(13);
    assertThat(pages.subList(0, 12)).allSatisfy(page -> assertThat(page.contacts()).hasSize(100));
    assertThat(pages.getLast().contacts()).hasSize(34);
    assertThat(pages.getLast().next()).isNull();
    assertThat(ids(pages)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(seeded);
  }

  @Test
  void resumesFromAStoredCursorAsAfterARestart() {
    List<String> seeded = seedSpreadOverTime(450);
    Page first = directory.page(location, null, null);
    Page second = directory.page(location, null, first.next());
    String stored = second.next();

    GhlContactDirectory afterRestart = new GhlContactDirectory(location -> client, 100);
    List<Page> rest = new ArrayList<>();
    String cursor = stored;
    while (cursor != null) {
      Page page = afterRestart.page(location, null, cursor);
      rest.add(page);
      cursor = page.next();
    }

    List<String> all = new ArrayList<>(ids(List.of(first, second)));
    all.addAll(ids(rest));
    assertThat(stored).startsWith("{\"searchAfter\":[");
    assertThat(rest).hasSize(3);
    assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(seeded);
  }

  @Test
  void listsOnlyContactsUpdatedSince() {
    List<String> seeded = seedSpreadOverTime(300);
    clock.advance(Duration.ofHours(1));
    Instant since = clock.instant();
    Set<String> updated = new HashSet<>();
    for (int index = 0; index < seeded.size(); index += 7) {
      emulator.addTagsSilently(seeded.get(index), "graduate");
      updated.add(seeded.get(index));
    }

    List<Page> pages = walk(since, null);

    assertThat(ids(pages)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(updated);
    assertThat(pages.stream().flatMap(page -> page.contacts().stream()))
        .allSatisfy(contact -> assertThat(contact.tags()).contains("graduate"));
    assertThat(emulator.requests().getLast().body())
        .contains("\"dateUpdated\"", "\"range\"", "\"gte\":\"" + since + "\"");
  }

  @Test
  void countsWhatTheWalkWillVisit() {
    List<String> seeded = seedSpreadOverTime(321);
    clock.advance(Duration.ofMinutes(5));
    Instant since = clock.instant();
    emulator.addTagsSilently(seeded.get(3), "x");
    emulator.addTagsSilently(seeded.get(200), "x");

    assertThat(directory.count(location, null)).isEqualTo(321);
    assertThat(directory.count(location, since)).isEqualTo(2);
    assertThat(directory.count(location, since.plusSeconds(1))).isZero();
  }

  @Test
  void returnsContactsWithTagsCustomFieldsAndAttributes() {
    emulator.seedContacts(
        3,
        (contact, index) ->
            contact
                .tags("course-" + index)
                .field("phone", "+4400000" + index)
                .customField("level", index)
                .customField("skills", List.of("Java", "SQL")));

    List<Contact> contacts = directory.page(location, null, null).contacts();

    assertThat(contacts).hasSize(3);
    Contact first =
        contacts.stream()
            .filter(contact -> "contact-0@example.com".equals(contact.email()))
            .findFirst()
            .orElseThrow();
    assertThat(first.tags()).containsExactly("course-0");
    assertThat(first.customFields())
        .containsOnly(entry("level", "0"), entry("skills", "Java, SQL"));
    assertThat(first.attributes()).contains(entry("phone", "+44000000"));
    assertThat(first.locationId()).isEqualTo(location);
    assertThat(first.dateUpdated()).isEqualTo(T0);
  }

  @Test
  void endsWithAnEmptyPageWhenTheLastFullPageWasTheEnd() {
    seedSpreadOverTime(200);

    List<Page> pages = walk(null, null);

    assertThat(pages).hasSize(3);
    assertThat(pages.getLast().contacts()).isEmpty();
    assertThat(pages.getLast().next()).isNull();
  }

  @Test
  void spendsTheLocationsBudgetAtBulkPriority() {
    seedSpreadOverTime(150);

    walk(null, null);
    directory.count(location, null);

    assertThat(gate.spends())
        .hasSize(3)
        .containsOnly(new RecordingGate.Spend(location.value(), RatePriority.BULK));
  }

  @Test
  void refusesACursorItDidNotWrite() {
    assertThatThrownBy(() -> directory.page(location, null, "page=2"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Contacts added a few at a time over several seconds, so paging crosses equal timestamps. */
  private List<String> seedSpreadOverTime(int count) {
    List<String> ids = new ArrayList<>();
    while (ids.size() < count) {
      ids.addAll(emulator.seedContacts(Math.min(7, count - ids.size())));
      clock.advance(Duration.ofMillis(250));
    }
    return ids;
  }

  private List<Page> walk(@Nullable Instant since, @Nullable String start) {
    List<Page> pages = new ArrayList<>();
    String cursor = start;
    do {
      Page page = directory.page(location, since, cursor);
      pages.add(page);
      cursor = page.next();
    } while (cursor != null);
    return pages;
  }

  private static List<String> ids(List<Page> pages) {
    return pages.stream()
        .flatMap(page -> page.contacts().stream())
        .map(Contact::id)
        .map(ContactId::value)
        .toList();
  }
}

package io.ghlcredly.ghl;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.ghl.api.GhlContactSummary;
import io.ghlcredly.ghl.api.SearchContactsRequest;
import io.ghlcredly.http.JsonCodec;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import io.ghlcredly.testkit.server.EmulatorRequest;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GhlPagingIT {
  private static final int CONTACTS = 250;

  private final GhlEmulator emulator = GhlEmulator.start();
  private final GhlClient client = GhlClient.create(GhlClientIT.settings(emulator));
  private final LocationId location = new LocationId(emulator.locationId());
  private final JsonCodec json = new JsonCodec();
  private Set<String> seeded = Set.of();

  @BeforeEach
  void seed() {
    seeded =
        IntStream.range(0, CONTACTS)
            .mapToObj(i -> emulator.seedContact("P" + i, "Person", "p" + i + "@example.com"))
            .collect(Collectors.toSet());
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void listsEveryContactAcrossPagesKeepingLocationAndLimitAndNeverRepeatingAPage() {
    List<String> ids =
        client.streamContacts(location, null, 100).map(GhlContactSummary::id).toList();

    assertThat(ids).hasSize(CONTACTS).doesNotHaveDuplicates();
    assertThat(Set.copyOf(ids)).isEqualTo(seeded);
    List<EmulatorRequest> pages = emulator.requests();
    assertThat(pages).hasSize(3);
    assertThat(pages)
        .allSatisfy(
            page -> {
              assertThat(page.query()).containsEntry("locationId", location.value());
              assertThat(page.query()).containsEntry("limit", "100");
            });
    assertThat(pages.getFirst().query()).doesNotContainKeys("startAfter", "startAfterId");
    Set<String> cursors = new HashSet<>();
    for (EmulatorRequest page : pages.subList(1, pages.size())) {
      assertThat(cursors.add(page.query().get("startAfterId"))).isTrue();
      assertThat(page.query().get("startAfter")).matches("\\d+");
    }
  }

  @Test
  void fetchesTheNextListPageOnlyWhenTheFirstIsUsedUp() {
    Iterator<GhlContactSummary> contacts = client.streamContacts(location, null, 100).iterator();

    for (int i = 0; i < 100; i++) {
      contacts.next();
    }
    assertThat(emulator.requests()).hasSize(1);
    contacts.next();
    assertThat(emulator.requests()).hasSize(2);
  }

  @Test
  void searchesEveryContactWithTheSearchAfterCursor() {
    List<String> ids =
        client
            .streamSearch(SearchContactsRequest.all(location.value(), 100))
            .map(GhlContactSummary::id)
            .toList();

    assertThat(ids).hasSize(CONTACTS).doesNotHaveDuplicates();
    List<EmulatorRequest> pages = emulator.requests();
    assertThat(pages).hasSize(3);
    Set<String> cursors = new HashSet<>();
    for (int i = 0; i < pages.size(); i++) {
      var body = json.tree(pages.get(i).body());
      assertThat(body.path("locationId").asText()).isEqualTo(location.value());
      assertThat(body.path("pageLimit").asInt()).isEqualTo(100);
      assertThat(body.has("page")).isFalse();
      assertThat(body.has("searchAfter")).isEqualTo(i > 0);
      if (i > 0) {
        assertThat(cursors.add(body.path("searchAfter").toString())).isTrue();
      }
    }
  }

  @Test
  void fetchesTheNextSearchPageOnlyWhenTheFirstIsUsedUp() {
    Iterator<GhlContactSummary> contacts =
        client.streamSearch(SearchContactsRequest.all(location.value(), 200)).iterator();

    for (int i = 0; i < 200; i++) {
      contacts.next();
    }
    assertThat(emulator.requests()).hasSize(1);
    assertThat(contacts.hasNext()).isTrue();
    assertThat(emulator.requests()).hasSize(2);
  }

  @Test
  void refusesPageLimitsAboveFiveHundred() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> SearchContactsRequest.all(location.value(), 501))
        .withMessageContaining("500");
  }
}

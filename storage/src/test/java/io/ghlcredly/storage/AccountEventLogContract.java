package io.ghlcredly.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.model.AccountEvent;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.port.TokenStore.AccountKey;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link JdbcAccountEventLog} must do, on each database. */
public abstract class AccountEventLogContract extends StoreFixture {
  private static final Instant AT = Instant.parse("2026-05-05T05:05:05.505505Z");
  private static final AccountKey LOC_1 = AccountKey.location("loc-1");
  private static final AccountKey AGENCY = AccountKey.company("agency-1");

  private JdbcAccountEventLog log;

  @BeforeEach
  void createLog() {
    log = new JdbcAccountEventLog(database);
  }

  private static AccountEvent.AppInstalled install(String id, String location, Instant at) {
    return new AccountEvent.AppInstalled(new EventId(id), new LocationId(location), "agency-1", at);
  }

  private static AccountEvent.AppUninstalled uninstall(
      String id, @Nullable String location, Instant at) {
    return new AccountEvent.AppUninstalled(
        new EventId(id), location == null ? null : new LocationId(location), "agency-1", at);
  }

  @Test
  void recordsAnIdOnce() {
    assertThat(log.contains(new EventId("w-1"))).isFalse();

    assertThat(log.record(uninstall("w-1", "loc-1", AT), true, AT)).isTrue();
    assertThat(log.record(install("w-1", "loc-1", AT.plusSeconds(5)), true, AT)).isFalse();

    assertThat(log.contains(new EventId("w-1"))).isTrue();
    assertThat(log.latestUninstall(LOC_1, "agency-1")).contains(AT);
    assertThat(log.latestInstall(LOC_1, "agency-1")).isEmpty();
  }

  @Test
  void answersTheLatestAppliedEventThatCoversTheAccount() {
    log.record(install("w-1", "loc-1", AT), true, AT);
    log.record(install("w-2", "loc-1", AT.plus(Duration.ofHours(1))), true, AT);
    log.record(install("w-stale", "loc-1", AT.plus(Duration.ofHours(2))), false, AT);
    log.record(install("w-other", "loc-2", AT.plus(Duration.ofHours(3))), true, AT);
    log.record(uninstall("w-agency", null, AT.plus(Duration.ofMinutes(30))), true, AT);

    assertThat(log.latestInstall(LOC_1, "agency-1")).contains(AT.plus(Duration.ofHours(1)));
    assertThat(log.latestInstall(AGENCY, null)).isEmpty();
    // The agency-level uninstall covers the agency and, when its company is known, the location.
    assertThat(log.latestUninstall(AGENCY, null)).contains(AT.plus(Duration.ofMinutes(30)));
    assertThat(log.latestUninstall(LOC_1, "agency-1")).contains(AT.plus(Duration.ofMinutes(30)));
    assertThat(log.latestUninstall(LOC_1, null)).isEmpty();
    assertThat(log.latestUninstall(AccountKey.location("loc-2"), "agency-2")).isEmpty();
  }
}

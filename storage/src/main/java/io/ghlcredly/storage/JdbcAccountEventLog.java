package io.ghlcredly.storage;

import io.ghlcredly.core.error.StorageException;
import io.ghlcredly.core.model.AccountEvent;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.port.AccountEventLog;
import io.ghlcredly.core.port.TokenStore.AccountKey;
import io.ghlcredly.core.port.TokenStore.AccountType;
import io.ghlcredly.storage.internal.SqlStates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Handled app install and uninstall webhooks in table {@code account_event}, one row per {@code
 * webhookId}. A second record of an id is refused without an error that would abort a surrounding
 * PostgreSQL transaction. Thread-safe.
 */
public final class JdbcAccountEventLog implements AccountEventLog {
  private static final String INSERT =
      "INSERT INTO account_event (event_id, event_type, location_id, company_id, occurred_at,"
          + " received_at, applied) VALUES (?, ?, ?, ?, ?, ?, ?)";
  private static final String INSTALL = "INSTALL";
  private static final String UNINSTALL = "UNINSTALL";

  private final Database database;
  private final Jdbc jdbc;

  public JdbcAccountEventLog(Database database) {
    this.database = database;
    this.jdbc = new Jdbc(database);
  }

  @Override
  public boolean contains(EventId eventId) {
    return jdbc.queryLong("SELECT COUNT(*) FROM account_event WHERE event_id = ?", eventId.value())
        > 0;
  }

  @Override
  public boolean record(AccountEvent event, boolean applied, Instant receivedAt) {
    LocationId location = event.locationId();
    @Nullable Object[] row = {
      event.eventId().value(),
      switch (event) {
        case AccountEvent.AppInstalled installed -> INSTALL;
        case AccountEvent.AppUninstalled uninstalled -> UNINSTALL;
      },
      location == null ? null : location.value(),
      event.companyId(),
      event.occurredAt(),
      receivedAt,
      applied
    };
    return switch (database.dialect()) {
      case POSTGRESQL -> jdbc.update(INSERT + " ON CONFLICT (event_id) DO NOTHING", row) == 1;
      case H2 -> insertCatchingDuplicate(row);
    };
  }

  private boolean insertCatchingDuplicate(@Nullable Object[] row) {
    try {
      return jdbc.update(INSERT, row) == 1;
    } catch (StorageException e) {
      if (SqlStates.isUniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public Optional<Instant> latestInstall(AccountKey account, @Nullable String companyId) {
    return latest(INSTALL, account, companyId);
  }

  @Override
  public Optional<Instant> latestUninstall(AccountKey account, @Nullable String companyId) {
    return latest(UNINSTALL, account, companyId);
  }

  private Optional<Instant> latest(String type, AccountKey account, @Nullable String companyId) {
    List<Object> params = new ArrayList<>(List.of(type));
    String covering;
    if (account.type() == AccountType.COMPANY) {
      covering = "location_id IS NULL AND company_id = ?";
      params.add(account.id());
    } else if (companyId == null) {
      covering = "location_id = ?";
      params.add(account.id());
    } else {
      covering = "location_id = ? OR (location_id IS NULL AND company_id = ?)";
      params.add(account.id());
      params.add(companyId);
    }
    return jdbc.queryOne(
            "SELECT MAX(occurred_at) AS latest FROM account_event"
                + " WHERE event_type = ? AND applied = TRUE AND ("
                + covering
                + ")",
            row -> Optional.ofNullable(Jdbc.nullableInstant(row, "latest")),
            params.toArray())
        .flatMap(latest -> latest);
  }
}

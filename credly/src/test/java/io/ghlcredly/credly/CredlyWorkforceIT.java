package io.ghlcredly.credly;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.credly.api.EmployeeDto;
import io.ghlcredly.credly.api.EmployeeRequest;
import io.ghlcredly.testkit.credly.CredlyEmulator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CredlyWorkforceIT {
  private CredlyEmulator emulator;
  private CredlyClient client;

  @BeforeEach
  void start() {
    emulator = CredlyEmulator.start();
    client =
        CredlyClient.create(
            new CredlySettings(
                emulator.baseUrl(),
                emulator.organizationId(),
                emulator.authToken(),
                Duration.ofSeconds(5)));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void createsUpdatesReadsListsAndDeletesByExternalId() {
    emulator.enableWorkforce(true);
    CredlyWorkforceClient workforce = client.workforce();

    CredlyWorkforceClient.Upserted created =
        workforce.upsert(EmployeeRequest.of("ghl-ada", "ada@example.com", "Ada", "Lovelace"));
    CredlyWorkforceClient.Upserted updated =
        workforce.upsert(EmployeeRequest.of("ghl-ada", "ada@example.com", "Ada", "King"));

    assertThat(created.created()).isTrue();
    assertThat(updated.created()).isFalse();
    assertThat(updated.employee().id()).isEqualTo(created.employee().id());
    assertThat(workforce.get(created.employee().id()).lastName()).isEqualTo("King");
    assertThat(workforce.list(ListQuery.filtered(Map.of("name_or_email", "ada@"))).items())
        .extracting(EmployeeDto::externalId)
        .containsExactly("ghl-ada");
    assertThat(workforce.findByExternalId("ghl-ada", null)).isPresent();
    assertThat(workforce.deleteByExternalId("ghl-ada", "ada@example.com")).isTrue();
    assertThat(emulator.employees()).isEmpty();
  }

  @Test
  void withoutWorkforceTheRecordsAreSkippedAndTheSyncGoesOn() {
    CredlyWorkforceRecords records = new CredlyWorkforceRecords(client);

    CredlyWorkforceRecords.Outcome first =
        records.sync(EmployeeRequest.of("ghl-ada", "ada@example.com", "Ada", "Lovelace"));
    CredlyWorkforceRecords.Outcome second =
        records.sync(EmployeeRequest.of("ghl-bob", "bob@example.com", "Bob", "Smith"));

    assertThat(first).isInstanceOf(CredlyWorkforceRecords.Outcome.Unavailable.class);
    assertThat(second).isInstanceOf(CredlyWorkforceRecords.Outcome.Unavailable.class);
    // The organization is asked once; no employee call is made at all.
    assertThat(emulator.requests()).hasSize(1);
  }

  @Test
  void forbiddenEmployeeCallTurnsRecordsOffForGood() {
    emulator.enableWorkforce(true);
    CredlyWorkforceRecords records = new CredlyWorkforceRecords(client);
    assertThat(records.available()).isTrue();
    emulator.enableWorkforce(false);

    CredlyWorkforceRecords.Outcome outcome =
        records.sync(EmployeeRequest.of("ghl-ada", "ada@example.com", "Ada", "Lovelace"));

    assertThat(outcome).isInstanceOf(CredlyWorkforceRecords.Outcome.Unavailable.class);
    assertThat(records.available()).isFalse();
  }

  @Test
  void syncsARecordWhenWorkforceIsThere() {
    emulator.enableWorkforce(true);

    CredlyWorkforceRecords.Outcome outcome =
        new CredlyWorkforceRecords(client)
            .sync(EmployeeRequest.of("ghl-ada", "ada@example.com", "Ada", "Lovelace"));

    assertThat(outcome).isInstanceOf(CredlyWorkforceRecords.Outcome.Synced.class);
    assertThat(emulator.employees())
        .singleElement()
        .extracting(e -> e.externalId())
        .isEqualTo("ghl-ada");
  }
}

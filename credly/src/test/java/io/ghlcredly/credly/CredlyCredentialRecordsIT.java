package io.ghlcredly.credly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ghlcredly.core.port.CredentialRecords.CredentialRecord;
import io.ghlcredly.core.port.CredentialRecords.Outcome;
import io.ghlcredly.testkit.credly.CredlyEmulator;
import io.ghlcredly.testkit.credly.Employee;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link CredlyCredentialRecords} against the Credly emulator's Workforce. */
class CredlyCredentialRecordsIT {
  private CredlyEmulator emulator;
  private CredlyCredentialRecords records;

  @BeforeEach
  void start() {
    emulator = CredlyEmulator.start();
    CredlyClient client =
        CredlyClient.create(
            new CredlySettings(
                emulator.baseUrl(),
                emulator.organizationId(),
                emulator.authToken(),
                Duration.ofSeconds(5)));
    records = new CredlyCredentialRecords(new CredlyWorkforceRecords(client));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private static CredentialRecord ada(String lastName, Map<String, String> fields) {
    return new CredentialRecord("ghl-ada", "ada@example.com", "Ada", lastName, fields);
  }

  private long employeeCalls() {
    return emulator.requests().stream().filter(r -> r.path().contains("/employees")).count();
  }

  @Test
  void createsThenUpdatesTheRecordWithItsFields() {
    emulator.enableWorkforce(true);

    Outcome first =
        records.upsert(
            ada("Lovelace", Map.of("position_title", "Analyst", "department", "Engines")));
    Outcome second =
        records.upsert(ada("King", Map.of("position_title", "Countess", "job_family", "Math")));

    assertThat(records.enabled()).isTrue();
    assertThat(first).isEqualTo(Outcome.CREATED);
    assertThat(second).isEqualTo(Outcome.UPDATED);
    Employee employee = emulator.employees().getFirst();
    assertThat(emulator.employees()).hasSize(1);
    assertThat(employee.externalId()).isEqualTo("ghl-ada");
    assertThat(employee.lastName()).isEqualTo("King");
    assertThat(employee.positionTitle()).isEqualTo("Countess");
    // An update sends only what is set: the department stays.
    assertThat(employee.department()).isEqualTo("Engines");
    assertThat(employee.attributes()).containsEntry("job_family", "Math");
  }

  @Test
  void withoutWorkforceTheRecordIsUnavailableAndNoEmployeeCallIsMade() {
    Outcome first = records.upsert(ada("Lovelace", Map.of()));
    Outcome second = records.upsert(ada("King", Map.of()));

    assertThat(first).isEqualTo(Outcome.UNAVAILABLE);
    assertThat(second).isEqualTo(Outcome.UNAVAILABLE);
    assertThat(records.enabled()).isFalse();
    assertThat(records.delete("ghl-ada", "ada@example.com")).isFalse();
    assertThat(employeeCalls()).isZero();
    // The organization is asked once.
    assertThat(emulator.requests()).hasSize(1);
  }

  @Test
  void workforceTakenAwayTurnsRecordsOffAfterOneRefusedCall() {
    emulator.enableWorkforce(true);
    assertThat(records.enabled()).isTrue();
    emulator.enableWorkforce(false);

    Outcome refused = records.upsert(ada("Lovelace", Map.of()));
    long callsAfterRefusal = employeeCalls();
    Outcome later = records.upsert(ada("King", Map.of()));

    assertThat(refused).isEqualTo(Outcome.UNAVAILABLE);
    assertThat(later).isEqualTo(Outcome.UNAVAILABLE);
    assertThat(records.enabled()).isFalse();
    assertThat(callsAfterRefusal).isEqualTo(1);
    assertThat(employeeCalls()).isEqualTo(callsAfterRefusal);
  }

  @Test
  void recordsConfiguredOffAreNeverEnabledAndCallNothing() {
    emulator.enableWorkforce(true);
    CredlyCredentialRecords none = CredlyCredentialRecords.none();

    assertThat(none.enabled()).isFalse();
    assertThat(none.upsert(ada("Lovelace", Map.of()))).isEqualTo(Outcome.UNAVAILABLE);
    assertThat(none.delete("ghl-ada", "ada@example.com")).isFalse();
    assertThat(emulator.requests()).isEmpty();
  }

  @Test
  void deletesTheRecordOfTheExternalId() {
    emulator.enableWorkforce(true);
    records.upsert(ada("Lovelace", Map.of()));

    assertThat(records.delete("ghl-ada", "ada@example.com")).isTrue();
    assertThat(records.delete("ghl-ada", "ada@example.com")).isFalse();
    assertThat(emulator.employees()).isEmpty();
  }

  @Test
  void anUnsupportedFieldIsRejectedBeforeAnyCall() {
    emulator.enableWorkforce(true);

    assertThatThrownBy(
            () -> records.upsert(ada("Lovelace", Map.of("hire_date", "2024-01-01", "team", "A"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hire_date")
        .hasMessageContaining("position_title");
    assertThat(emulator.requests()).isEmpty();
  }

  @Test
  void supportedFieldsAreCredlysWritableEmployeeAttributes() {
    assertThat(CredlyCredentialRecords.supportedFields())
        .contains("position_title", "department", "team", "job_family", "zip_code")
        .doesNotContain("email", "external_id", "hire_date");
    assertThatThrownBy(() -> CredlyCredentialRecords.requireSupportedFields(List.of("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Credly employee records have no field x");
  }
}

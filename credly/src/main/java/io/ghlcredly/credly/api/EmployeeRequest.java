package io.ghlcredly.credly.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST} and {@code PUT /organizations/{org}/employees} (credly.md §7). Null fields
 * are not sent, so an update changes only what is set.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EmployeeRequest(
    @Nullable String email,
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String externalId,
    @Nullable String team,
    @Nullable String positionTitle,
    @Nullable String managerFirstName,
    @Nullable String managerLastName,
    @Nullable String managerExternalId,
    @Nullable String country,
    @Nullable String zipCode,
    @Nullable String stateOrProvince,
    @Nullable String department,
    @Nullable String jobFamily) {

  /** A person as the sync knows them: keyed by the GHL contact id. */
  public static EmployeeRequest of(
      String externalId, String email, String firstName, String lastName) {
    return new EmployeeRequest(
        email,
        firstName,
        lastName,
        externalId,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}

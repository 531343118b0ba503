package io.ghlcredly.testkit.credly;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Workforce employee record held by the emulator.
 *
 * @param attributes the other writable attributes by Credly name ({@code manager_first_name},
 *     {@code zip_code}, {@code job_family}…), only those set
 */
public record Employee(
    String id,
    String email,
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String externalId,
    String employeeState,
    @Nullable String team,
    @Nullable String positionTitle,
    @Nullable String department,
    @Nullable String country,
    Map<String, String> attributes,
    Instant createdAt) {
  /** Credly's writable employee attributes the record keeps in {@link #attributes}. */
  public static final List<String> OTHER_ATTRIBUTES =
      List.of(
          "manager_first_name",
          "manager_last_name",
          "manager_external_id",
          "zip_code",
          "state_or_province",
          "job_family");

  public Employee {
    attributes = Map.copyOf(attributes);
  }
}

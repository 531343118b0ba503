package io.ghlcredly.credly.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.jspecify.annotations.Nullable;

/**
 * A Credly Workforce employee record (credly.md §7).
 *
 * @param externalId our id for the person: the GHL contact id
 * @param employeeState {@code created}, {@code pending}, {@code accepted} or {@code rejected}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EmployeeDto(
    String id,
    @Nullable String email,
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String fullName,
    @Nullable String externalId,
    @Nullable String employeeState,
    @Nullable String team,
    @Nullable String positionTitle,
    @Nullable String department,
    @Nullable String country,
    @Nullable String createdAt) {}

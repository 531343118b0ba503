package io.ghlcredly.testkit.credly;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A Workforce employee record held by the emulator. */
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
    Instant createdAt) {}

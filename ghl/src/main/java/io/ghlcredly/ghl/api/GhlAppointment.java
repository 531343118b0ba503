package io.ghlcredly.ghl.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An appointment (schema {@code GetEventSchema}). Times are text: the spec's examples use {@code
 * 2021-07-16 11:00:00}, not ISO-8601.
 */
public record GhlAppointment(
    @Nullable String id,
    @Nullable String calendarId,
    @Nullable String status,
    @Nullable String title,
    @Nullable String assignedUserId,
    @Nullable String notes,
    @Nullable String startTime,
    @Nullable String endTime,
    @Nullable String address,
    @Nullable String locationId,
    @Nullable String contactId,
    @Nullable String groupId,
    @Nullable String appointmentStatus,
    List<String> users,
    @Nullable String dateAdded,
    @Nullable String dateUpdated,
    List<String> assignedResources) {
  public GhlAppointment {
    users = GhlContactSummary.withoutNulls(users);
    assignedResources = GhlContactSummary.withoutNulls(assignedResources);
  }
}

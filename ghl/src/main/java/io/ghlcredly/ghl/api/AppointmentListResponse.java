package io.ghlcredly.ghl.api;

import java.util.List;

/**
 * Body of {@code GET /contacts/{contactId}/appointments} (schema {@code
 * GetEventsSuccessfulResponseDto}).
 */
public record AppointmentListResponse(List<GhlAppointment> events) {
  public AppointmentListResponse {
    events = GhlContactSummary.withoutNulls(events);
  }
}

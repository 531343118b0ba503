package io.ghlcredly.ghl.api;

import java.util.List;

/** Body of {@code GET /campaigns/} (schema {@code CampaignsSuccessfulResponseDto}). */
public record CampaignListResponse(List<GhlCampaign> campaigns) {
  public CampaignListResponse {
    campaigns = GhlContactSummary.withoutNulls(campaigns);
  }
}

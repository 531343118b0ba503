package io.ghlcredly.ghl.api;

import org.jspecify.annotations.Nullable;

/** Where a contact came from (schema {@code AttributionSource}). */
public record GhlAttributionSource(
    @Nullable String url,
    @Nullable String campaign,
    @Nullable String utmSource,
    @Nullable String utmMedium,
    @Nullable String utmContent,
    @Nullable String referrer,
    @Nullable String campaignId,
    @Nullable String fbclid,
    @Nullable String gclid,
    @Nullable String msclikid,
    @Nullable String dclid,
    @Nullable String fbc,
    @Nullable String fbp,
    @Nullable String fbEventId,
    @Nullable String userAgent,
    @Nullable String ip,
    @Nullable String medium,
    @Nullable String mediumId) {}

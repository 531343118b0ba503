package io.ghlcredly.testkit.credly;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A validated issue request, as parsed from {@code POST /badges}. */
record NewBadge(
    String templateId,
    String recipientEmail,
    String firstName,
    String lastName,
    @Nullable String issuerEarnerId,
    Instant issuedAt,
    @Nullable Instant expiresAt,
    String locale,
    boolean suppressNotificationEmail,
    String evidenceJson) {}

package io.ghlcredly.credly;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.BadgeTemplateId;
import io.ghlcredly.credly.api.IssueBadgeRequest;
import io.ghlcredly.credly.api.IssuedBadgeDto;
import io.ghlcredly.credly.api.ReplaceBadgeRequest;
import io.ghlcredly.credly.api.RevokeBadgeRequest;
import java.time.InstantSource;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Revokes and replaces Credly badges so that a retry of either is success. Credly answers a second
 * revoke, or a second replace, with 422 (credly.md §5g, §5h); the badge then already shows the
 * wanted result, so a 422 is resolved by reading the badge: revoked, or replaced by a badge of the
 * wanted template, is success; anything else rethrows Credly's refusal. Thread-safe.
 */
final class CredlyBadgeChanges {
  private static final Logger log = LoggerFactory.getLogger(CredlyBadgeChanges.class);
  private static final int UNPROCESSABLE = 422;

  private final CredlyClient client;
  private final InstantSource clock;
  private final ZoneId issuedAtZone;

  CredlyBadgeChanges(CredlyClient client, InstantSource clock, ZoneId issuedAtZone) {
    this.client = client;
    this.clock = clock;
    this.issuedAtZone = issuedAtZone;
  }

  /** The badge, revoked now or before. */
  IssuedBadgeDto revoke(String badgeId, String reason) {
    try {
      IssuedBadgeDto revoked = client.revokeBadge(badgeId, new RevokeBadgeRequest(reason, null));
      log.atInfo().addKeyValue("badgeId", badgeId).log("Credly badge revoked");
      return revoked;
    } catch (ApiException e) {
      if (e.status() != UNPROCESSABLE) {
        throw e;
      }
      IssuedBadgeDto badge = reread(badgeId, e);
      if (!badge.revoked()) {
        throw e;
      }
      log.atInfo().addKeyValue("badgeId", badgeId).log("Credly badge was already revoked");
      return badge;
    }
  }

  /**
   * The new badge of the template, issued now, or the one that already replaced the badge.
   *
   * @param reason sent as Credly's {@code notification_message}, which the earner reads
   */
  IssuedBadgeDto replace(String badgeId, BadgeTemplateId newTemplate, @Nullable String reason) {
    ReplaceBadgeRequest request =
        new ReplaceBadgeRequest(
            newTemplate.value(),
            IssueBadgeRequest.timestamp(clock.instant(), issuedAtZone),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            reason == null || reason.isBlank() ? null : reason);
    try {
      IssuedBadgeDto replacement = client.replaceBadge(badgeId, request);
      log.atInfo()
          .addKeyValue("badgeId", badgeId)
          .addKeyValue("templateId", newTemplate)
          .addKeyValue("replacementBadgeId", replacement.id())
          .log("Credly badge replaced");
      return replacement;
    } catch (ApiException e) {
      if (e.status() != UNPROCESSABLE) {
        throw e;
      }
      return replacedBefore(badgeId, newTemplate, e);
    }
  }

  private IssuedBadgeDto replacedBefore(
      String badgeId, BadgeTemplateId newTemplate, ApiException refusal) {
    String replacementId = reread(badgeId, refusal).replacementBadgeId();
    if (replacementId == null) {
      throw refusal;
    }
    IssuedBadgeDto replacement = reread(replacementId, refusal);
    if (!newTemplate.value().equals(replacement.badgeTemplateId())) {
      throw refusal;
    }
    log.atInfo()
        .addKeyValue("badgeId", badgeId)
        .addKeyValue("templateId", newTemplate)
        .addKeyValue("replacementBadgeId", replacementId)
        .log("Credly badge was already replaced");
    return replacement;
  }

  /** Reads the badge after a refusal; a failed read carries the refusal along. */
  private IssuedBadgeDto reread(String badgeId, ApiException refusal) {
    try {
      return client.badge(badgeId);
    } catch (RuntimeException lookupFailure) {
      lookupFailure.addSuppressed(refusal);
      throw lookupFailure;
    }
  }
}

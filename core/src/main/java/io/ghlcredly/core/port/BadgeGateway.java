package io.ghlcredly.core.port;

import io.ghlcredly.core.model.BadgeState;
import io.ghlcredly.core.model.BadgeTemplateId;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.IssueBadgeCommand;
import io.ghlcredly.core.model.IssuedBadge;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Issues and looks up badges at the credential provider (Credly). Thread-safe. */
public interface BadgeGateway {
  /**
   * Issues a badge. When the provider refuses because the contact already holds a badge of the
   * template, returns that badge: for an idempotent sync "already issued" is success.
   *
   * @throws io.ghlcredly.core.error.ApiException for any other failure
   */
  IssueResult issue(IssueBadgeCommand command);

  /** Finds a badge of the template held by the contact (looked up by issuer_earner_id). */
  Optional<IssuedBadge> findIssued(ContactId contactId, BadgeTemplateId templateId);

  /**
   * Revokes a badge. A badge that is already revoked is success.
   *
   * @throws io.ghlcredly.core.error.ApiException when the provider fails
   */
  IssuedBadge revoke(String badgeId, String reason);

  /**
   * Replaces a badge with one of another template (Credly's replace: the old badge points to the
   * new one).
   *
   * @return the new badge
   * @throws io.ghlcredly.core.error.ApiException when the provider fails
   */
  IssuedBadge replace(String badgeId, BadgeTemplateId newTemplate, @Nullable String reason);

  /**
   * What templates need to know about a badge: its name and public URL.
   *
   * @return empty when the provider has no such badge
   * @throws io.ghlcredly.core.error.ApiException when the provider fails
   */
  Optional<BadgeDetails> describe(String badgeId);

  /**
   * A badge as templates see it.
   *
   * @param name the template's name, such as "Course 101"
   * @param url the badge's public page, or null when the provider gives none
   */
  record BadgeDetails(
      String badgeId,
      BadgeTemplateId templateId,
      String name,
      @Nullable String url,
      BadgeState state) {}

  /** The outcome of an issue call. */
  sealed interface IssueResult {
    IssuedBadge badge();

    /** The provider created the badge now. */
    record Issued(IssuedBadge badge) implements IssueResult {}

    /** The provider already held the badge. */
    record AlreadyIssued(IssuedBadge badge) implements IssueResult {}
  }
}

package io.ghlcredly.core.port;

import io.ghlcredly.core.model.BadgeTemplateId;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.IssueBadgeCommand;
import io.ghlcredly.core.model.IssuedBadge;
import java.util.Optional;

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

  /** The outcome of an issue call. */
  sealed interface IssueResult {
    IssuedBadge badge();

    /** The provider created the badge now. */
    record Issued(IssuedBadge badge) implements IssueResult {}

    /** The provider already held the badge. */
    record AlreadyIssued(IssuedBadge badge) implements IssueResult {}
  }
}

package io.ghlcredly.core.mapping;

import io.ghlcredly.core.model.BadgeTemplateId;
import org.jspecify.annotations.Nullable;

/** What a rule does when it fires. Closed set. */
public sealed interface Action {
  /** Issue a badge of the template to the contact, once. */
  record IssueBadge(BadgeTemplateId templateId, @Nullable String evidence) implements Action {}
}

package io.ghlcredly.core.mapping;

import io.ghlcredly.core.model.BadgeTemplateId;
import io.ghlcredly.core.template.Template;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** What a rule does when it fires. Closed set; texts are templates rendered per contact. */
public sealed interface Action {
  /** The name the configuration uses, for logs, the audit trail and plans. */
  default String kind() {
    return switch (this) {
      case UpsertRecord a -> "upsert-record";
      case DeleteRecord a -> "delete-record";
      case IssueBadge a -> "issue-badge";
      case RevokeBadges a -> "revoke-badges";
      case ReplaceBadge a -> "replace-badge";
      case AddTag a -> "ghl-add-tag";
      case RemoveTag a -> "ghl-remove-tag";
      case AddNote a -> "ghl-add-note";
      case CreateTask a -> "ghl-create-task";
      case CompleteTask a -> "ghl-complete-task";
    };
  }

  /** Create or update the contact's Credly record from the mapping (even if it looks unchanged). */
  record UpsertRecord() implements Action {}

  /** Delete the contact's Credly record. */
  record DeleteRecord() implements Action {}

  /** Issue a badge of the template to the contact, once. */
  record IssueBadge(BadgeTemplateId templateId, @Nullable Template evidence) implements Action {}

  /** Revoke the contact's badges of the template, or all its badges issued by the sync. */
  record RevokeBadges(@Nullable BadgeTemplateId templateId, Template reason) implements Action {}

  /** Replace the contact's badge of one template by a badge of another. */
  record ReplaceBadge(BadgeTemplateId from, BadgeTemplateId to, @Nullable Template reason)
      implements Action {}

  /** Add a tag to the GHL contact. */
  record AddTag(Template tag) implements Action {}

  /** Remove a tag from the GHL contact. */
  record RemoveTag(Template tag) implements Action {}

  /** Add a note to the GHL contact. */
  record AddNote(Template body) implements Action {}

  /** Create a GHL task for the contact, due after the given time. */
  record CreateTask(Template title, @Nullable Template body, Duration dueIn) implements Action {}

  /** Complete the contact's open GHL tasks whose title matches. */
  record CompleteTask(TitlePattern title) implements Action {}
}

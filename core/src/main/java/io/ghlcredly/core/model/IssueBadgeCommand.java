package io.ghlcredly.core.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Issue one badge of a template to a contact, on behalf of a rule. */
public record IssueBadgeCommand(
    RuleId ruleId,
    BadgeTemplateId templateId,
    ContactId contactId,
    String recipientEmail,
    String firstName,
    String lastName,
    Instant issuedAt,
    @Nullable String evidence) {}

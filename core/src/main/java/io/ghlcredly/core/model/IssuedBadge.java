package io.ghlcredly.core.model;

/** A badge that exists at the credential provider. */
public record IssuedBadge(
    String badgeId, BadgeTemplateId templateId, ContactId contactId, String state) {}

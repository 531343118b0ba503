package io.ghlcredly.credly.api;

/** Envelope of an organization: {@code {"data":{...},"metadata":{}}}. */
public record OrganizationResponse(OrganizationDto data) {}

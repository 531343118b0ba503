package io.ghlcredly.credly.api;

/** Envelope of a badge template: {@code {"data":{...},"metadata":{}}}. */
public record BadgeTemplateResponse(BadgeTemplateDto data) {}

package io.ghlcredly.app.config;

import io.ghlcredly.app.config.CredlyConfig.Records;
import org.jspecify.annotations.Nullable;

/**
 * What rules are checked against besides themselves.
 *
 * @param templates compiles and checks templates
 * @param records the configured {@code credly.records}; null when that section has problems (checks
 *     that need it are skipped rather than reported twice)
 * @param statusMapped whether {@code mapping.status} is set
 */
record RuleContext(TemplateReader templates, @Nullable Records records, boolean statusMapped) {}

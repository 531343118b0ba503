/**
 * Configuration: the YAML file plus the environment, read into validated, immutable {@link
 * io.ghlcredly.app.config.AppConfig} records by {@link io.ghlcredly.app.config.ConfigLoader}.
 *
 * <p>Secrets come only from environment variables or files, never from the YAML text itself, and no
 * record's {@code toString()} shows one.
 */
@NullMarked
package io.ghlcredly.app.config;

import org.jspecify.annotations.NullMarked;

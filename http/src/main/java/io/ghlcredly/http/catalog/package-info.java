/**
 * The catalog of actions and triggers: every connector operation described (name, parameters,
 * scope) and invocable by name, so the CLI and operators can call any of them.
 */
@NullMarked
package io.ghlcredly.http.catalog;

import org.jspecify.annotations.NullMarked;

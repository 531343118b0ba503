/**
 * Credly wire DTOs: records mirroring Credly's JSON (snake_case, unknown fields ignored by the
 * codec). Only the fields the sync uses are mapped.
 */
@NullMarked
package io.ghlcredly.credly.api;

import org.jspecify.annotations.NullMarked;

/**
 * Wire DTO records mirroring HighLevel's JSON (apps/contacts.json, API version 2021-07-28). Every
 * field is nullable because HighLevel omits empty ones; unknown fields are ignored on read.
 */
@NullMarked
package io.ghlcredly.ghl.api;

import org.jspecify.annotations.NullMarked;

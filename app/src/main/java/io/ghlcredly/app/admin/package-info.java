/**
 * The operators' surface behind the admin token: a JSON API under {@code /admin/api} described by
 * an OpenAPI document, and server-rendered dashboard pages under {@code /admin}. Never shows a
 * secret.
 */
@NullMarked
package io.ghlcredly.app.admin;

import org.jspecify.annotations.NullMarked;

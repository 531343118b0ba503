/** The HTTP server and its routes: GHL webhooks and health, behind server-neutral handlers. */
@NullMarked
package io.ghlcredly.app.web;

import org.jspecify.annotations.NullMarked;

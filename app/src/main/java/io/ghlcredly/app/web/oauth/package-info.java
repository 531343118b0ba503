/**
 * The HighLevel app install routes: {@code GET /oauth/ghl/start} redirects to the consent page,
 * {@code GET /oauth/ghl/callback} finishes the install. Server-neutral, like the webhook route.
 */
@NullMarked
package io.ghlcredly.app.web.oauth;

import org.jspecify.annotations.NullMarked;

/**
 * HighLevel's OAuth endpoints in the GHL emulator: {@code POST /oauth/token} (authorization code
 * and single-use refresh tokens), {@code POST /oauth/locationToken}, and an automatic consent page
 * at {@code GET /v2/oauth/chooselocation}; tokens expire after 24 h of the emulator's clock.
 */
@NullMarked
package io.ghlcredly.testkit.ghl.oauth;

import org.jspecify.annotations.NullMarked;

/**
 * HighLevel OAuth 2.0: the token endpoint client ({@link io.ghlcredly.ghl.oauth.GhlOAuthClient}),
 * the install flow ({@link io.ghlcredly.ghl.oauth.GhlInstallFlow}) and one refreshing token
 * provider per installed account ({@link io.ghlcredly.ghl.oauth.GhlTokenProviders}).
 */
@NullMarked
package io.ghlcredly.ghl.oauth;

import org.jspecify.annotations.NullMarked;

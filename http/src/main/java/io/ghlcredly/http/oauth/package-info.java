/**
 * OAuth 2.0 access tokens for connectors: {@link io.ghlcredly.http.oauth.TokenProvider} hands out a
 * usable access token; {@link io.ghlcredly.http.oauth.RefreshingTokenProvider} refreshes it ahead
 * of expiry, once per account at a time across threads and instances, and persists the rotated pair
 * before using it.
 */
@NullMarked
package io.ghlcredly.http.oauth;

import org.jspecify.annotations.NullMarked;

/**
 * Per-key (for HighLevel: per-location) rate limiting with Bucket4j token buckets: {@link
 * io.ghlcredly.http.ratelimit.RateLimiter} makes work wait for budget instead of collecting 429s,
 * reserves part of the burst budget for live work, and lets the provider's {@code X-RateLimit-*}
 * headers correct its view. The buckets live in this process or, for several instances, in a store
 * they share (PostgreSQL through Bucket4j's proxies).
 */
@NullMarked
package io.ghlcredly.http.ratelimit;

import org.jspecify.annotations.NullMarked;

/**
 * Outbound HTTP shared by the connectors: one {@link io.ghlcredly.http.HttpTransport} per connector
 * handles timeouts, the auth header, JSON, redacted logging and error mapping.
 */
@NullMarked
package io.ghlcredly.http;

import org.jspecify.annotations.NullMarked;

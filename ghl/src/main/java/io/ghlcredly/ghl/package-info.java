/**
 * HighLevel (GHL / LeadConnector) connector: {@link io.ghlcredly.ghl.GhlClient} (one method per
 * endpoint, wire DTOs from {@code ghl.api}) and {@link io.ghlcredly.ghl.GhlCrmGateway}, the adapter
 * that maps those DTOs to the engine's domain records.
 */
@NullMarked
package io.ghlcredly.ghl;

import org.jspecify.annotations.NullMarked;

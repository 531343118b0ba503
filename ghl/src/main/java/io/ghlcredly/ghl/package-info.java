/**
 * HighLevel (GHL / LeadConnector) connector: {@link io.ghlcredly.ghl.GhlClient} (one method per
 * operation of apps/contacts.json, wire DTOs from {@code ghl.api}, lazy paging streams), {@link
 * io.ghlcredly.ghl.GhlEndpoint} (the operations' table: path, scope, parameters), the scope check
 * ({@link io.ghlcredly.ghl.GrantedScopes}, {@link io.ghlcredly.ghl.MissingScopeException}) and
 * {@link io.ghlcredly.ghl.GhlCrmGateway}, the adapter that maps those DTOs to the engine's domain
 * records.
 */
@NullMarked
package io.ghlcredly.ghl;

import org.jspecify.annotations.NullMarked;

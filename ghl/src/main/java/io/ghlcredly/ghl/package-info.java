/**
 * HighLevel (GHL / LeadConnector) connector: {@link io.ghlcredly.ghl.GhlClient} (one method per
 * operation of apps/contacts.json, wire DTOs from {@code ghl.api}, lazy paging streams), {@link
 * io.ghlcredly.ghl.GhlEndpoint} (the operations' table: path, scope, parameters), the scope check
 * ({@link io.ghlcredly.ghl.GrantedScopes}, {@link io.ghlcredly.ghl.MissingScopeException}) and the
 * adapters to the engine's ports: {@link io.ghlcredly.ghl.GhlCrmGateway} (reads a contact), {@link
 * io.ghlcredly.ghl.GhlCrmWriter} (tags, notes, tasks), {@link io.ghlcredly.ghl.GhlContactDirectory}
 * (bulk import pages) and {@link io.ghlcredly.ghl.GhlContactChangeFeed} (reconciliation), all
 * mapping contacts through {@code GhlContactMapper}.
 */
@NullMarked
package io.ghlcredly.ghl;

import org.jspecify.annotations.NullMarked;

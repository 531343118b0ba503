/**
 * HighLevel's operations as catalog entries: {@link io.ghlcredly.ghl.operation.GhlOperations} lists
 * one {@link io.ghlcredly.http.catalog.Operation} per operation of apps/contacts.json, invocable
 * with raw parameters and a JSON body, and the webhook events as triggers.
 */
@NullMarked
package io.ghlcredly.ghl.operation;

import org.jspecify.annotations.NullMarked;

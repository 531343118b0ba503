package io.ghlcredly.app;

import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.port.CrmGateway;
import io.ghlcredly.ghl.GhlCrmGateway;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Reads contacts with the account of their location: one gateway per location, made on first use
 * (an OAuth location token, or the one Private Integration Token for every location). Thread-safe.
 */
final class GhlAccounts implements CrmGateway {
  private final Function<LocationId, GhlCrmGateway> gatewayFor;
  private final ConcurrentMap<LocationId, GhlCrmGateway> gateways = new ConcurrentHashMap<>();

  GhlAccounts(Function<LocationId, GhlCrmGateway> gatewayFor) {
    this.gatewayFor = gatewayFor;
  }

  @Override
  public Optional<Contact> findContact(LocationId locationId, ContactId contactId) {
    return gateways.computeIfAbsent(locationId, gatewayFor).findContact(locationId, contactId);
  }
}

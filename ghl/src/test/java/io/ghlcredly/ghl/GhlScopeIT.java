package io.ghlcredly.ghl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.ghl.api.ContactInput;
import io.ghlcredly.ghl.operation.GhlOperations;
import io.ghlcredly.http.catalog.Catalog;
import io.ghlcredly.http.catalog.OperationCall;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GhlScopeIT {
  private final GhlEmulator emulator = GhlEmulator.start();

  @AfterEach
  void stop() {
    emulator.close();
  }

  private GhlClient clientWith(GrantedScopes scopes) {
    GhlSettings settings = GhlClientIT.settings(emulator);
    return GhlClient.create(settings, () -> "Bearer " + emulator.accessToken().reveal(), scopes);
  }

  @Test
  void refusesAWriteWithoutTheWriteScopeBeforeSendingAnything() {
    GhlClient readOnly = clientWith(GrantedScopes.of(GrantedScopes.CONTACTS_READONLY));
    String id = emulator.seedContact("Ada", "Lovelace", "ada@example.com");

    MissingScopeException refused =
        catchThrowableOfType(
            MissingScopeException.class, () -> readOnly.addTags(new ContactId(id), List.of("vip")));

    assertThat(refused.scope()).isEqualTo("contacts.write");
    assertThat(refused.operation()).isEqualTo("add-tags");
    assertThat(refused).hasMessageContaining("contacts.write").hasMessageContaining("add-tags");
    assertThat(emulator.requests()).isEmpty();
    assertThat(emulator.tags(id)).isEmpty();
  }

  @Test
  void refusesAReadWithoutTheReadScope() {
    GhlClient writeOnly = clientWith(GrantedScopes.parse("contacts.write oauth.readonly"));

    MissingScopeException refused =
        catchThrowableOfType(
            MissingScopeException.class,
            () ->
                writeOnly.streamContacts(new LocationId(emulator.locationId()), null, 10).count());

    assertThat(refused.scope()).isEqualTo("contacts.readonly");
    assertThat(emulator.requests()).isEmpty();
  }

  @Test
  void letsAPrivateIntegrationTokenTryEverything() {
    GhlClient pit = clientWith(GrantedScopes.all());

    assertThat(
            pit.createContact(
                new LocationId(emulator.locationId()),
                ContactInput.builder().email("ada@example.com").build()))
        .isNotNull();
    assertThat(emulator.requests()).hasSize(1);
  }

  @Test
  void catalogCallsAreScopeCheckedToo() {
    Catalog catalog =
        new Catalog(
            GhlOperations.operations(clientWith(GrantedScopes.of("contacts.readonly"))),
            GhlOperations.triggers());

    MissingScopeException refused =
        catchThrowableOfType(
            MissingScopeException.class,
            () ->
                catalog
                    .find("ghl.delete-contact")
                    .orElseThrow()
                    .invoke(new OperationCall(Map.of("contactId", "abc"), null)));

    assertThat(refused.scope()).isEqualTo("contacts.write");
    assertThat(emulator.requests()).isEmpty();
  }
}

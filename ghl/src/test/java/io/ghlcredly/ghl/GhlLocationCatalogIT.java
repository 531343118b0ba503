package io.ghlcredly.ghl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.ghl.api.GhlCampaign;
import io.ghlcredly.ghl.api.GhlCustomFieldDefinition;
import io.ghlcredly.ghl.api.GhlTag;
import io.ghlcredly.ghl.api.GhlUser;
import io.ghlcredly.ghl.api.GhlWorkflow;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GhlLocationCatalogIT {
  private final GhlEmulator emulator = GhlEmulator.start();
  private final LocationId academy = new LocationId(emulator.locationId());
  private final LocationId campus = new LocationId(emulator.addLocation("North Campus"));

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void readsTheTagsTheLocationsContactsCarry() {
    String ada = emulator.seedContact("Ada", "Lovelace", "ada@example.com", "vip");
    emulator.addTags(ada, "course-101");
    emulator.seedContactIn(campus.value(), "Bob", "Babbage", "bob@example.com", "campus-only");

    assertThat(catalog(emulator.accessToken()).tags(academy))
        .extracting(GhlTag::name)
        .containsExactlyInAnyOrder("vip", "course-101");
    assertThat(catalog(emulator.accessToken()).tags(academy))
        .allSatisfy(
            tag -> {
              assertThat(tag.id()).isNotBlank();
              assertThat(tag.locationId()).isEqualTo(academy.value());
            });
  }

  @Test
  void readsTheLocationsContactCustomFields() {
    String course = emulator.seedCustomField(academy.value(), "Course Code", "TEXT");
    emulator.seedCustomField(campus.value(), "Campus Room", "TEXT");

    assertThat(catalog(emulator.accessToken()).customFields(academy))
        .singleElement()
        .satisfies(
            field -> {
              assertThat(field.id()).isEqualTo(course);
              assertThat(field.name()).isEqualTo("Course Code");
              assertThat(field.fieldKey()).isEqualTo("contact.course_code");
              assertThat(field.dataType()).isEqualTo("TEXT");
              assertThat(field.picklistOptions()).isEmpty();
            });
    assertThat(emulator.requests().getLast().query()).containsEntry("model", "contact");
    assertThat(catalog(emulator.privateTokenFor(campus.value())).customFields(campus))
        .extracting(GhlCustomFieldDefinition::name)
        .containsExactly("Campus Room");
  }

  @Test
  void readsTheLocationsWorkflowsCampaignsAndUsers() {
    String onboarding = emulator.seedWorkflow(academy.value(), "Onboarding", "published");
    String welcome = emulator.seedCampaign(academy.value(), "Welcome", "published");
    String grace = emulator.seedUser(academy.value(), "Grace", "Hopper", "grace@example.com");
    emulator.seedWorkflow(campus.value(), "Campus tour", "draft");
    GhlLocationCatalog catalog = catalog(emulator.accessToken());

    assertThat(catalog.workflows(academy))
        .extracting(GhlWorkflow::id, GhlWorkflow::name, GhlWorkflow::status)
        .containsExactly(tuple(onboarding, "Onboarding", "published"));
    assertThat(catalog.campaigns(academy))
        .extracting(GhlCampaign::id, GhlCampaign::name)
        .containsExactly(tuple(welcome, "Welcome"));
    assertThat(catalog.users(academy))
        .extracting(GhlUser::id, GhlUser::name, GhlUser::email)
        .containsExactly(tuple(grace, "Grace Hopper", "grace@example.com"));
    assertThat(emulator.requests().getLast().query()).containsEntry("locationId", academy.value());
  }

  @Test
  void anotherLocationsTokenIsRefused() {
    ApiException refused =
        catchThrowableOfType(
            ApiException.class,
            () -> catalog(emulator.privateTokenFor(campus.value())).tags(academy));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(
            catchThrowableOfType(
                    ApiException.class,
                    () -> catalog(emulator.privateTokenFor(campus.value())).workflows(academy))
                .status())
        .isEqualTo(403);
  }

  @Test
  void withoutThePickerScopesNothingIsSent() {
    GhlClient client =
        GhlClient.create(
            GhlSettings.defaults(emulator.accessToken()).withBaseUrl(emulator.baseUrl()),
            () -> "Bearer " + emulator.accessToken().reveal(),
            GrantedScopes.of(GrantedScopes.CONTACTS_READONLY, GrantedScopes.LOCATIONS_READONLY));

    assertThatThrownBy(() -> new GhlLocationCatalog(client).tags(academy))
        .isInstanceOf(MissingScopeException.class);
    assertThatThrownBy(() -> new GhlLocationCatalog(client).customFields(academy))
        .isInstanceOf(MissingScopeException.class);
    assertThatThrownBy(() -> new GhlLocationCatalog(client).workflows(academy))
        .isInstanceOf(MissingScopeException.class);
    assertThatThrownBy(() -> new GhlLocationCatalog(client).campaigns(academy))
        .isInstanceOf(MissingScopeException.class);
    assertThatThrownBy(() -> new GhlLocationCatalog(client).users(academy))
        .isInstanceOf(MissingScopeException.class);
    assertThat(emulator.requests()).isEmpty();
  }

  private GhlLocationCatalog catalog(Secret token) {
    return new GhlLocationCatalog(
        GhlClient.create(GhlSettings.defaults(token).withBaseUrl(emulator.baseUrl())));
  }
}

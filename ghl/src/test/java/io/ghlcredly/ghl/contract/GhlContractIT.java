package io.ghlcredly.ghl.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.atlassian.oai.validator.report.ValidationReport;
import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.core.port.TokenStore.AccountType;
import io.ghlcredly.ghl.GhlClient;
import io.ghlcredly.ghl.GhlEndpoint;
import io.ghlcredly.ghl.GhlLocationCatalog;
import io.ghlcredly.ghl.GhlLocations;
import io.ghlcredly.ghl.GhlSettings;
import io.ghlcredly.ghl.api.BulkTagsRequest;
import io.ghlcredly.ghl.api.BusinessContactsRequest;
import io.ghlcredly.ghl.api.ContactInput;
import io.ghlcredly.ghl.api.CreateContactResult;
import io.ghlcredly.ghl.api.CreateTaskRequest;
import io.ghlcredly.ghl.api.GhlContact;
import io.ghlcredly.ghl.api.GhlCustomFieldDefinition;
import io.ghlcredly.ghl.api.GhlCustomFieldValue;
import io.ghlcredly.ghl.api.GhlTag;
import io.ghlcredly.ghl.api.NoteRequest;
import io.ghlcredly.ghl.api.SearchContactsRequest;
import io.ghlcredly.ghl.api.SearchContactsRequest.SearchFilter;
import io.ghlcredly.ghl.api.UpdateTaskRequest;
import io.ghlcredly.ghl.contract.GhlOpenApiSpec.SpecOperation;
import io.ghlcredly.ghl.oauth.GhlOAuthClient;
import io.ghlcredly.ghl.oauth.GhlOAuthSettings;
import io.ghlcredly.ghl.operation.GhlOperations;
import io.ghlcredly.http.catalog.OperationSpec;
import io.ghlcredly.http.catalog.ParamSpec;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import io.ghlcredly.testkit.ghl.GhlExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every operation of HighLevel's contacts.json, called through our typed client against the
 * emulator: the request we send and the emulator's answer must both validate against the spec. The
 * same for the emulator's location routes: get-location, the location's tags and custom fields
 * against locations.json, its workflows, campaigns and users against workflows.json, campaigns.json
 * and users.json, installed locations against oauth.json.
 */
class GhlContractIT {
  private static final GhlOpenApiSpec SPEC = new GhlOpenApiSpec();
  private static final GhlOpenApiSpec LOCATIONS_SPEC =
      new GhlOpenApiSpec(
          "locations.json",
          "/locations/{locationId}",
          "/locations/{locationId}/tags",
          "/locations/{locationId}/customFields");

  private static final GhlOpenApiSpec WORKFLOWS_SPEC =
      new GhlOpenApiSpec("workflows.json", "/workflows/");
  private static final GhlOpenApiSpec CAMPAIGNS_SPEC =
      new GhlOpenApiSpec("campaigns.json", "/campaigns/");
  private static final GhlOpenApiSpec USERS_SPEC = new GhlOpenApiSpec("users.json", "/users/");

  /** The operations of locations.json the catalog holds. */
  private static final List<String> LOCATION_OPERATIONS =
      List.of("get-location", "get-location-tags", "get-custom-fields");

  private static final GhlOpenApiSpec OAUTH_SPEC =
      new GhlOpenApiSpec("oauth.json", "/oauth/installedLocations");
  private static final URI REDIRECT = URI.create("https://sync.example.com/oauth/ghl/callback");

  private final GhlEmulator emulator = GhlEmulator.start();
  private final GhlClient client =
      GhlClient.create(
          GhlSettings.defaults(emulator.accessToken()).withBaseUrl(emulator.baseUrl()));
  private final LocationId location = new LocationId(emulator.locationId());

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void everyRequestWeSendAndEveryEmulatorAnswerMatchTheSpec() {
    callEveryOperation();

    List<String> problems = new ArrayList<>();
    Set<String> validated = new LinkedHashSet<>();
    for (GhlExchange exchange : emulator.exchanges()) {
      GhlEndpoint endpoint = endpointOf(exchange);
      validated.add(endpoint.operationId());
      String call = endpoint.operationId() + " " + exchange.response().status();
      report(call + " request", SPEC.validateRequest(exchange.request()), problems);
      report(call + " response", SPEC.validateResponse(exchange), problems);
    }

    assertThat(problems).isEmpty();
    assertThat(validated)
        .containsExactlyInAnyOrderElementsOf(
            SPEC.operations().stream().map(SpecOperation::operationId).toList());
  }

  @Test
  void locationRoutesMatchTheLocationsAndOAuthSpecs() {
    String campus = emulator.addLocation("North Campus");
    Secret agencyToken = agencyToken();
    GhlClient agency = clientWith(agencyToken);

    assertThat(new GhlLocations(client).findLocationName(location))
        .hasValue(GhlEmulator.DEFAULT_LOCATION_NAME);
    assertThat(
            new GhlLocations(clientWith(emulator.privateTokenFor(campus)))
                .findLocationName(new LocationId(campus)))
        .hasValue("North Campus");
    assertThat(new GhlLocations(agency).findLocationName(new LocationId(campus)))
        .hasValue("North Campus");
    assertThat(installedLocations(agencyToken).statusCode()).isEqualTo(200);

    List<String> problems = new ArrayList<>();
    Set<String> validated = new LinkedHashSet<>();
    for (GhlExchange exchange : emulator.exchanges()) {
      String path = exchange.request().path();
      boolean oauthCall = path.startsWith("/oauth/");
      GhlOpenApiSpec spec = oauthCall ? OAUTH_SPEC : LOCATIONS_SPEC;
      String call = path + " " + exchange.response().status();
      validated.add(oauthCall ? "get-installed-location" : "get-location");
      report(call + " request", spec.validateRequest(exchange.request()), problems);
      report(call + " response", spec.validateResponse(exchange), problems);
    }

    assertThat(problems).isEmpty();
    assertThat(validated).containsExactly("get-location", "get-installed-location");
  }

  @Test
  void locationTagsAndCustomFieldsMatchTheLocationsSpec() {
    String ada = emulator.seedContact("Ada", "Lovelace", "ada@example.com", "vip");
    emulator.addTags(ada, "course-101");
    emulator.seedLocationTag(location.value(), "planned");
    emulator.seedCustomField(location.value(), "Course Code", "TEXT");
    emulator.seedCustomField(location.value(), "Score", "NUMERICAL");
    GhlLocationCatalog pickers = new GhlLocationCatalog(client);

    assertThat(pickers.tags(location))
        .extracting(GhlTag::name)
        .containsExactlyInAnyOrder("vip", "course-101", "planned");
    assertThat(pickers.customFields(location))
        .extracting(GhlCustomFieldDefinition::fieldKey)
        .containsExactly("contact.course_code", "contact.score");
    client.send(
        GhlEndpoint.GET_CUSTOM_FIELDS,
        Map.of("locationId", location.value()),
        Map.of("model", "all"),
        null);

    List<String> problems = new ArrayList<>();
    for (GhlExchange exchange : emulator.exchanges()) {
      String call = exchange.request().path() + " " + exchange.response().status();
      assertThat(exchange.response().status()).as(call).isEqualTo(200);
      report(call + " request", LOCATIONS_SPEC.validateRequest(exchange.request()), problems);
      report(call + " response", LOCATIONS_SPEC.validateResponse(exchange), problems);
    }

    assertThat(problems).isEmpty();
    assertThat(emulator.exchanges()).hasSize(3);
  }

  @Test
  void workflowCampaignAndUserListsMatchTheirSpecs() {
    emulator.seedWorkflow(location.value(), "Onboarding", "published");
    emulator.seedCampaign(location.value(), "Welcome", "published");
    emulator.seedCampaign(location.value(), "Spring promo", "draft");
    emulator.seedUser(location.value(), "Grace", "Hopper", "grace@example.com");
    GhlLocationCatalog pickers = new GhlLocationCatalog(client);

    assertThat(pickers.workflows(location)).hasSize(1);
    assertThat(pickers.campaigns(location)).hasSize(2);
    assertThat(pickers.users(location)).hasSize(1);
    client.send(
        GhlEndpoint.GET_CAMPAIGNS,
        Map.of(),
        Map.of("locationId", location.value(), "status", "published"),
        null);

    List<String> problems = new ArrayList<>();
    Map<String, GhlOpenApiSpec> specs =
        Map.of("/workflows/", WORKFLOWS_SPEC, "/campaigns/", CAMPAIGNS_SPEC, "/users/", USERS_SPEC);
    for (GhlExchange exchange : emulator.exchanges()) {
      String call = exchange.request().path() + " " + exchange.response().status();
      GhlOpenApiSpec spec = Objects.requireNonNull(specs.get(exchange.request().path()), call);
      assertThat(exchange.response().status()).as(call).isEqualTo(200);
      report(call + " request", spec.validateRequest(exchange.request()), problems);
      report(call + " response", spec.validateResponse(exchange), problems);
    }

    assertThat(problems).isEmpty();
    assertThat(emulator.exchanges()).hasSize(4);
  }

  @Test
  void catalogHasEveryOperationOfTheSpecWithItsScopeAndParameters() {
    Map<String, OperationSpec> catalog = new TreeMap<>();
    GhlOperations.operations(client).forEach(op -> catalog.put(op.spec().summary(), op.spec()));

    List<SpecOperation> operations = new ArrayList<>(SPEC.operations());
    LOCATION_OPERATIONS.forEach(id -> operations.add(LOCATIONS_SPEC.operation(id)));
    operations.add(WORKFLOWS_SPEC.operation("get-workflow"));
    operations.add(CAMPAIGNS_SPEC.operation("get-campaigns"));
    operations.add(USERS_SPEC.operation("get-user-by-location"));
    for (SpecOperation operation : operations) {
      GhlEndpoint endpoint =
          GhlEndpoint.byOperationId(operation.operationId())
              .orElseThrow(() -> new AssertionError("no endpoint for " + operation.operationId()));
      OperationSpec spec =
          catalog.values().stream()
              .filter(entry -> entry.name().equals(GhlOperations.name(endpoint)))
              .findFirst()
              .orElseThrow(() -> new AssertionError("not in catalog: " + operation.operationId()));
      assertThat(spec.method()).as(operation.operationId()).isEqualTo(operation.method());
      assertThat(spec.pathTemplate()).as(operation.operationId()).isEqualTo(operation.path());
      assertThat(spec.scope()).as(operation.operationId()).isEqualTo(operation.scope());
      assertThat(spec.body() != OperationSpec.BodyUse.NONE)
          .as(operation.operationId() + " body")
          .isEqualTo(operation.hasBody());
      Map<String, Boolean> params =
          spec.params().stream()
              .collect(
                  Collectors.toMap(
                      ParamSpec::name, ParamSpec::required, (a, b) -> a, TreeMap::new));
      assertThat(params).as(operation.operationId() + " params").isEqualTo(operation.params());
    }
    assertThat(GhlEndpoint.values()).hasSize(operations.size());
  }

  /** A company token from an agency install with the scopes both location routes need. */
  private Secret agencyToken() {
    GhlOAuthSettings settings =
        GhlOAuthSettings.defaults(
                emulator.oauth().clientId(),
                emulator.oauth().clientSecret(),
                REDIRECT,
                Set.of("oauth.readonly", "oauth.write", "locations.readonly"))
            .withUrls(
                emulator.baseUrl(), URI.create(emulator.baseUrl() + "/v2/oauth/chooselocation"))
            .withUserType(AccountType.COMPANY);
    String code =
        emulator
            .oauth()
            .authorize(
                settings.clientId(), REDIRECT.toString(), emulator.companyId(), settings.scopes());
    return GhlOAuthClient.create(settings, InstantSource.system())
        .exchangeCode(code)
        .tokens()
        .accessToken();
  }

  private GhlClient clientWith(Secret token) {
    return GhlClient.create(GhlSettings.defaults(token).withBaseUrl(emulator.baseUrl()));
  }

  /** No typed client calls it (agency tokens only), so a raw request as HighLevel documents it. */
  private HttpResponse<String> installedLocations(Secret agencyToken) {
    URI uri =
        URI.create(
            emulator.baseUrl()
                + "/oauth/installedLocations?companyId="
                + emulator.companyId()
                + "&appId="
                + emulator.oauth().appId()
                + "&isInstalled=true&limit=10");
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("Version", GhlSettings.DEFAULT_API_VERSION)
            .header("Authorization", "Bearer " + agencyToken.reveal())
            .GET()
            .build();
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void callEveryOperation() {
    ContactId ada = created(adaInput().build());
    assertThat(client.createContact(location, adaInput().build()))
        .isEqualTo(new CreateContactResult.Duplicate(ada, "email"));
    ContactId grace =
        created(ContactInput.builder().firstName("Grace").email("g@example.com").build());
    client.getContact(ada);
    assertThat(
            catchThrowableOfType(
                    ApiException.class, () -> client.getContact(new ContactId("nobody")))
                .status())
        .isEqualTo(400);
    client.updateContact(
        ada, ContactInput.builder().city("London").dateOfBirth("1815-12-10").build());
    client.upsertContact(
        location, ContactInput.builder().email("ada@example.com").lastName("King").build(), null);
    client.upsertContact(location, ContactInput.builder().email("new@example.com").build(), true);
    client.listContacts(location, null, 1, null, null);
    assertThat(client.streamContacts(location, "a", 1).count()).isPositive();
    client.searchContacts(
        new SearchContactsRequest(
            location.value(),
            10,
            1,
            null,
            List.of(new SearchFilter("tags", "contains", "vip")),
            null,
            null));
    assertThat(client.streamSearch(SearchContactsRequest.all(location.value(), 1)).count())
        .isEqualTo(3);
    assertThat(client.findDuplicateContact(location, "ada@example.com", null)).isPresent();
    assertThat(client.findDuplicateContact(location, null, "+10000000000")).isEmpty();
    client.updateBusinessContacts(
        new BusinessContactsRequest(location.value(), List.of(ada.value()), "biz-1"));
    client.listContactsByBusiness("biz-1", location, 10, 0, null);
    client.updateTagsInBulk(
        true,
        new BulkTagsRequest(
            List.of(ada.value(), "nobody"), List.of("bulk"), location.value(), null));
    client.updateTagsInBulk(
        false, new BulkTagsRequest(List.of(ada.value()), List.of(), location.value(), true));

    String task =
        Objects.requireNonNull(
            Objects.requireNonNull(
                    client
                        .createTask(
                            ada,
                            new CreateTaskRequest(
                                "Call",
                                "about the course",
                                "2026-03-01T10:00:00.000Z",
                                false,
                                null))
                        .task())
                .id());
    client.listTasks(ada);
    client.getTask(ada, task);
    client.updateTask(ada, task, new UpdateTaskRequest("Call back", null, null, null, "user-1"));
    client.completeTask(ada, task, true);
    client.deleteTask(ada, task);

    String note =
        Objects.requireNonNull(
            Objects.requireNonNull(client.createNote(ada, NoteRequest.of("Met at the fair")).note())
                .id());
    client.listNotes(ada);
    client.getNote(ada, note);
    client.updateNote(ada, note, new NoteRequest(null, null, "Fair", "#FFAA00", true));
    client.deleteNote(ada, note);

    client.addTags(ada, List.of("vip", "course-101"));
    client.removeTags(ada, List.of("vip"));
    emulator.seedAppointment(
        ada.value(), "Intro call", "2026-03-02 11:00:00", "2026-03-02 11:30:00");
    client.listAppointments(ada);
    client.addFollowers(ada, List.of("user-1", "user-2"));
    client.removeFollowers(ada, List.of("user-2"));
    client.addToCampaign(ada, "camp-1");
    client.removeFromCampaign(ada, "camp-1");
    client.removeFromAllCampaigns(ada);
    client.addToWorkflow(ada, "wf-1", "2026-03-05T09:00:00+01:00");
    client.removeFromWorkflow(ada, "wf-1");
    client.deleteContact(grace);
  }

  private static ContactInput.Builder adaInput() {
    return ContactInput.builder()
        .firstName("Ada")
        .lastName("Lovelace")
        .email("ada@example.com")
        .phone("+14155550100")
        .companyName("Analytical Engines")
        .source("contract test")
        .tags(List.of("vip"))
        .customFields(
            List.of(
                GhlCustomFieldValue.byId("field-text", "first programmer"),
                GhlCustomFieldValue.byId("field-multi", List.of("math", "poetry"))));
  }

  private ContactId created(ContactInput input) {
    CreateContactResult result = client.createContact(location, input);
    assertThat(result).isInstanceOf(CreateContactResult.Created.class);
    GhlContact contact = ((CreateContactResult.Created) result).contact();
    return new ContactId(Objects.requireNonNull(contact.id()));
  }

  /** The endpoint a logged call went to; fixed paths win over templates (removeAll). */
  private static GhlEndpoint endpointOf(GhlExchange exchange) {
    return List.of(GhlEndpoint.values()).stream()
        .sorted(
            Comparator.comparingLong(
                endpoint -> endpoint.pathTemplate().chars().filter(c -> c == '{').count()))
        .filter(endpoint -> endpoint.method().equals(exchange.request().method()))
        .filter(endpoint -> pattern(endpoint).matcher(exchange.request().path()).matches())
        .findFirst()
        .orElseThrow(() -> new AssertionError("unknown call " + exchange.request().path()));
  }

  private static Pattern pattern(GhlEndpoint endpoint) {
    return Pattern.compile(endpoint.pathTemplate().replaceAll("\\{[A-Za-z]+}", "[^/]+"));
  }

  private static void report(String what, ValidationReport report, List<String> problems) {
    report.getMessages().stream()
        .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
        .forEach(message -> problems.add(what + ": " + message.getMessage()));
  }
}

package io.ghlcredly.testkit.ghl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.testkit.ghl.oauth.GhlOAuthEmulator;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorServer;
import io.ghlcredly.testkit.server.Fault;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ObjIntConsumer;

/**
 * A HighLevel (GHL) emulator on loopback: all 32 operations of apps/contacts.json (contacts, list
 * and search paging, duplicates, businesses, tasks, notes, tags, appointments, followers,
 * campaigns, workflows) with state, with HighLevel's header checks, status codes, error bodies and
 * rate limits, and signed contact webhooks to a receiver set by {@link #sendWebhooksTo(URI)}.
 * Answers follow the spec's response schemas.
 *
 * <p>Locations: the emulator hosts one company (agency) with one location to start with ({@link
 * #locationId()}, token {@link #accessToken()}); {@link #addLocation} adds more, each with its own
 * contacts and Private Integration Token ({@link #privateTokenFor}). A call is served in its
 * token's location: another location's contact answers 403, as does a {@code locationId} other than
 * the token's. Rate limits are counted per location. The methods without a location act on the
 * first location (creating) or on whichever location holds the contact (changing). {@code GET
 * /locations/{locationId}} and {@code GET /oauth/installedLocations} (agency token) describe them;
 * {@code GET /locations/{locationId}/tags} lists the tags its contacts carry (and {@link
 * #seedLocationTag}'s), {@code GET /locations/{locationId}/customFields} the fields {@link
 * #seedCustomField} added; {@code GET /workflows/}, {@code GET /campaigns/} and {@code GET /users/}
 * what {@link #seedWorkflow}, {@link #seedCampaign} and {@link #seedUser} added.
 *
 * <p>Webhooks: every change through the API or through {@link #createContact}, {@link #addTags},
 * {@link #removeTags} and {@link #deleteContact} posts an event ({@code ContactCreate}, {@code
 * ContactUpdate}, {@code ContactTagUpdate} when the tags actually change, {@code ContactDelete}).
 * The first attempt is synchronous: when the method (or API call) returns, {@link #deliveries()}
 * already holds the receiver's answer. Only 429 answers are retried, in the background. {@link
 * #seedContact} and {@link #seedContacts} send nothing (setting the scene).
 *
 * <p>Thread-safe. Close it to stop the server and the retry thread.
 */
public final class GhlEmulator implements AutoCloseable {
  private final EmulatorServer server;
  private final GhlContactStore store;
  private final GhlContactExtras extras = new GhlContactExtras();
  private final GhlWebhookSigner signer;
  private final GhlWebhookSender webhooks;
  private final EmulatedLocations locations = new EmulatedLocations();
  private final EmulatedLocationCatalog catalog = new EmulatedLocationCatalog();
  private final String locationId;
  private final GhlRoutes routes;
  private final GhlOAuthEmulator oauth;
  private final GhlRateLimiter limiter;
  private final AtomicInteger seeded = new AtomicInteger();

  /** The name the first location starts with. */
  public static final String DEFAULT_LOCATION_NAME = "Emulated Academy";

  private GhlEmulator(GhlEmulatorSettings settings) {
    this.locationId = locations.add(DEFAULT_LOCATION_NAME);
    this.store = new GhlContactStore(settings.clock());
    this.signer = new GhlWebhookSigner();
    this.webhooks =
        new GhlWebhookSender(
            signer,
            settings.clock(),
            settings.webhookRetryDelay(),
            settings.webhookMaxRetries(),
            settings.webhookTimeout());
    this.limiter =
        new GhlRateLimiter(
            settings.clock(), settings.burstLimit(), settings.burstWindow(), settings.dailyLimit());
    this.server = new EmulatorServer(settings.port(), "", settings.connectionFaults());
    this.oauth = new GhlOAuthEmulator(settings.clock(), GhlContactStore.newId(), locations::ids);
    oauth.register(server);
    this.routes = new GhlRoutes(store, extras, limiter, webhooks, locations, catalog, oauth);
    routes.register(server);
    server.start();
  }

  /** Starts on a free port with {@link GhlEmulatorSettings#defaults()}. */
  public static GhlEmulator start() {
    return start(GhlEmulatorSettings.defaults());
  }

  public static GhlEmulator start(GhlEmulatorSettings settings) {
    return new GhlEmulator(settings);
  }

  /** The API base URL (stands in for {@code https://services.leadconnectorhq.com}). */
  public URI baseUrl() {
    return server.baseUrl();
  }

  /** The first location's Private Integration Token (see {@link #privateTokenFor}). */
  public Secret accessToken() {
    return privateTokenFor(locationId);
  }

  /**
   * The location's Private Integration Token: the API serves calls made with it in that location
   * only.
   *
   * @throws IllegalArgumentException for a location the emulator does not host
   */
  public Secret privateTokenFor(String location) {
    return locations.require(location).privateToken();
  }

  /** The OAuth side: the marketplace app, consent, token endpoints, revocation, counters. */
  public GhlOAuthEmulator oauth() {
    return oauth;
  }

  /**
   * The first location's (sub-account's) id: the location-less methods create contacts in it, and
   * {@link #accessToken()} is its token.
   */
  public String locationId() {
    return locationId;
  }

  /** The id of the company (agency) every location belongs to. */
  public String companyId() {
    return oauth.companyId();
  }

  /**
   * Adds a location (sub-account) to the company, with no contacts and its own Private Integration
   * Token; returns its id.
   */
  public String addLocation(String name) {
    return locations.add(name);
  }

  /** Every location's id, the first location first, then in the order they were added. */
  public List<String> locationIds() {
    return locations.ids();
  }

  /** The location's name, as {@code GET /locations/{locationId}} answers it. */
  public String locationName(String location) {
    return locations.require(location).name();
  }

  /** Renames the location (the first one starts as {@value #DEFAULT_LOCATION_NAME}). */
  public void renameLocation(String location, String name) {
    locations.rename(location, name);
  }

  /** The location holding the contact, if the contact exists. */
  public Optional<String> locationOf(String contactId) {
    return store.locationOf(contactId);
  }

  /** The ids of the location's contacts, in creation order. */
  public List<String> contactIds(String location) {
    locations.require(location);
    return store.ids(location);
  }

  /** SPKI PEM of the key behind {@code x-ghl-signature}. */
  public String ed25519PublicKeyPem() {
    return signer.ed25519PublicKeyPem();
  }

  /** SPKI PEM of the key behind the legacy {@code x-wh-signature}. */
  public String rsaPublicKeyPem() {
    return signer.rsaPublicKeyPem();
  }

  /**
   * Loses this share (0 to 1) of the webhooks from now on: they are never posted, as when
   * HighLevel's delivery fails (it resends only after a 429). Changes still happen.
   */
  public void dropWebhooks(double share) {
    webhooks.dropShare(share);
  }

  /** Webhooks lost by {@link #dropWebhooks} so far. */
  public long webhooksDropped() {
    return webhooks.dropped();
  }

  /** Where to POST webhooks from now on. Until called, no webhooks are sent. */
  public void sendWebhooksTo(URI url) {
    webhooks.target(url);
  }

  /**
   * Where to POST webhooks from now on, taking turns: each new webhook goes to the next receiver in
   * the list, as when GHL's one webhook URL is balanced over several instances (a 429 retry goes to
   * the receiver that answered it). An empty list stops webhooks.
   */
  public void sendWebhooksTo(List<URI> receivers) {
    webhooks.targets(receivers);
  }

  /**
   * Calls for the location (or, for agency tokens, the company) answered 429 because its burst or
   * daily limit was reached: zero when every client kept to that budget. Each location has its own.
   */
  public long rateLimitRefusals(String location) {
    return limiter.refused(location);
  }

  /** Every webhook POST so far (retries and redeliveries included), in order. */
  public List<WebhookDelivery> deliveries() {
    return webhooks.deliveries();
  }

  /** Sends a past delivery again with identical bytes and headers, as a duplicate would arrive. */
  public WebhookDelivery redeliver(WebhookDelivery delivery) {
    return webhooks.redeliver(delivery);
  }

  /**
   * Signs any body with the emulator's webhook keys and posts it to the receiver, as GHL would post
   * a webhook. The delivery's webhookId, type and contactId are empty.
   */
  public WebhookDelivery sendSignedWebhook(String body) {
    return webhooks.sendSigned(body);
  }

  /**
   * The headers GHL would send with {@code body} ({@code Content-Type} and both signatures),
   * without sending anything: for tests that post a signed body themselves, changed or not.
   */
  public Map<String, String> signedHeaders(String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.putAll(signer.signatureHeaders(body.getBytes(StandardCharsets.UTF_8)));
    return headers;
  }

  /** Adds a contact to the first location without sending a webhook; returns its id. */
  public String seedContact(String firstName, String lastName, String email, String... tags) {
    return seedContactIn(locationId, firstName, lastName, email, tags);
  }

  /**
   * Adds a contact to the location without sending a webhook; returns its id. (Named {@code …In}:
   * an overload of {@link #seedContact} taking the location first would be ambiguous with it.)
   */
  public String seedContactIn(
      String location, String firstName, String lastName, String email, String... tags) {
    locations.require(location);
    return store.create(location, fields(firstName, lastName, email, tags)).get("id").asText();
  }

  /**
   * Adds {@code count} contacts at once without webhooks, for imports and benchmarks; returns their
   * ids in creation order. Each starts as {@code Contact <n>} with the unique e-mail {@code
   * contact-<n>@example.com} (n counts every contact seeded this way, from 0) and is then shaped by
   * {@code customizer}, which gets the index within this call (tags, custom fields, other fields).
   * They share the clock's current time as {@code dateAdded} and {@code dateUpdated}; paging orders
   * ties by id.
   */
  public List<String> seedContacts(int count, ObjIntConsumer<SeedContact> customizer) {
    return seedContacts(locationId, count, customizer);
  }

  /** Adds {@code count} contacts to the location at once without webhooks (as the overload). */
  public List<String> seedContacts(
      String location, int count, ObjIntConsumer<SeedContact> customizer) {
    locations.require(location);
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    List<ObjectNode> contacts = new ArrayList<>(count);
    for (int index = 0; index < count; index++) {
      SeedContact contact = new SeedContact(seeded.getAndIncrement());
      customizer.accept(contact, index);
      contacts.add(contact.fields());
    }
    return store.createAll(location, contacts);
  }

  /** Adds {@code count} default contacts at once without webhooks (see the other overload). */
  public List<String> seedContacts(int count) {
    return seedContacts(count, (contact, index) -> {});
  }

  /**
   * Adds a contact to the first location as {@code POST /contacts/} would, sending {@code
   * ContactCreate}.
   */
  public String createContact(String firstName, String lastName, String email, String... tags) {
    return createContactIn(locationId, firstName, lastName, email, tags);
  }

  /**
   * Adds a contact to the location as {@code POST /contacts/} would, sending {@code ContactCreate}
   * that names the location.
   */
  public String createContactIn(
      String location, String firstName, String lastName, String email, String... tags) {
    locations.require(location);
    ObjectNode contact = store.create(location, fields(firstName, lastName, email, tags));
    webhooks.publish("ContactCreate", contact);
    return contact.get("id").asText();
  }

  /**
   * Adds a contact custom field to the location, listed by {@code GET
   * /locations/{locationId}/customFields} with the key {@code contact.<name in snake case>};
   * returns its id, the one contacts' {@code customFields} values name.
   *
   * @param dataType HighLevel's type, such as {@code TEXT}, {@code NUMERICAL}, {@code DATE}
   */
  public String seedCustomField(String location, String name, String dataType) {
    locations.require(location);
    return catalog.addCustomField(location, name, dataType).id();
  }

  /**
   * Adds a tag to the location that no contact carries yet (as {@code POST
   * /locations/{locationId}/tags} would); returns its id. Tags contacts carry are listed anyway.
   */
  public String seedLocationTag(String location, String name) {
    locations.require(location);
    return catalog.createTag(location, name);
  }

  /**
   * Adds a workflow to the location, listed by {@code GET /workflows/}; returns its id (a UUID, as
   * HighLevel's are).
   *
   * @param status {@code draft} or {@code published}
   */
  public String seedWorkflow(String location, String name, String status) {
    locations.require(location);
    return catalog.addWorkflow(location, name, status, store.now()).id();
  }

  /** Adds a campaign to the location, listed by {@code GET /campaigns/}; returns its id. */
  public String seedCampaign(String location, String name, String status) {
    locations.require(location);
    return catalog.addCampaign(location, name, status, store.now()).id();
  }

  /** Adds a user to the location, listed by {@code GET /users/}; returns its id. */
  public String seedUser(String location, String firstName, String lastName, String email) {
    locations.require(location);
    return catalog.addUser(location, firstName, lastName, email).id();
  }

  /** Adds tags as {@code POST /contacts/{id}/tags} would ({@code ContactTagUpdate} if changed). */
  public void addTags(String contactId, String... tags) {
    GhlContactStore.Change change =
        store.addTags(contactId, List.of(tags)).orElseThrow(() -> unknown(contactId));
    if (change.changed()) {
      webhooks.publish("ContactTagUpdate", change.contact());
    }
  }

  /**
   * Adds tags and bumps {@code dateUpdated} WITHOUT sending a webhook: a lost webhook, which only
   * polling reconciliation can find.
   */
  public void addTagsSilently(String contactId, String... tags) {
    if (store.addTags(contactId, List.of(tags)).isEmpty()) {
      throw unknown(contactId);
    }
  }

  /**
   * Marks a task completed WITHOUT sending TaskComplete, as when GHL's webhook is lost (it is
   * resent only after a 429). The task must exist (created through the API).
   */
  public void completeTaskSilently(String contactId, String taskId) {
    ObjectNode task =
        extras
            .find(GhlContactExtras.Kind.TASK, contactId, taskId)
            .orElseThrow(() -> new IllegalArgumentException("no task " + taskId));
    task.put("completed", true);
    extras.put(GhlContactExtras.Kind.TASK, contactId, task);
  }

  /** Removes tags as {@code DELETE /contacts/{id}/tags} would. */
  public void removeTags(String contactId, String... tags) {
    GhlContactStore.Change change =
        store.removeTags(contactId, List.of(tags)).orElseThrow(() -> unknown(contactId));
    if (change.changed()) {
      webhooks.publish("ContactTagUpdate", change.contact());
    }
  }

  /** Deletes a contact as {@code DELETE /contacts/{id}} would, sending {@code ContactDelete}. */
  public void deleteContact(String contactId) {
    ObjectNode deleted = store.delete(contactId).orElseThrow(() -> unknown(contactId));
    extras.forget(contactId);
    webhooks.publish("ContactDelete", deleted);
  }

  /** A copy of the contact as {@code GET /contacts/{id}} returns it under {@code contact}. */
  public Optional<JsonNode> contact(String contactId) {
    return store.find(contactId).map(JsonNode.class::cast);
  }

  /** The contact's current tags, in the order they were added. */
  public List<String> tags(String contactId) {
    return GhlContactStore.tags(store.find(contactId).orElseThrow(() -> unknown(contactId)));
  }

  /**
   * Adds an appointment to a contact (the contacts API can only read them); returns its id.
   *
   * @param startTime as HighLevel shows it, such as {@code 2021-07-16 11:00:00}
   */
  public String seedAppointment(String contactId, String title, String startTime, String endTime) {
    String location = store.locationOf(contactId).orElseThrow(() -> unknown(contactId));
    String id = GhlContactStore.newId();
    ObjectNode appointment =
        GhlResponses.object()
            .put("id", id)
            .put("calendarId", "emulator-calendar")
            .put("status", "booked")
            .put("title", title)
            .put("startTime", startTime)
            .put("endTime", endTime)
            .put("locationId", location)
            .put("contactId", contactId)
            .put("appointmentStatus", "booked")
            .put("dateAdded", store.now())
            .put("dateUpdated", store.now());
    appointment.putArray("users");
    appointment.putArray("assignedResources");
    extras.put(GhlContactExtras.Kind.APPOINTMENT, contactId, appointment);
    return id;
  }

  /** The bodies of the contact's notes, as {@code GET /contacts/{id}/notes} lists them. */
  public List<String> noteBodies(String contactId) {
    return extras.list(GhlContactExtras.Kind.NOTE, contactId).stream()
        .map(note -> note.path("body").asText())
        .toList();
  }

  /** Adds an open task to the contact without sending a webhook; returns its id. */
  public String seedTask(String contactId, String title) {
    if (store.find(contactId).isEmpty()) {
      throw unknown(contactId);
    }
    ObjectNode task =
        GhlResponses.object()
            .put("id", GhlContactStore.newId())
            .put("title", title)
            .put("body", "")
            .put("dueDate", store.now())
            .put("completed", false)
            .put("contactId", contactId)
            .put("dateAdded", store.now());
    extras.put(GhlContactExtras.Kind.TASK, contactId, task);
    return task.get("id").asText();
  }

  /** The titles of the contact's tasks, as {@code GET /contacts/{id}/tasks} lists them. */
  public List<String> taskTitles(String contactId) {
    return extras.list(GhlContactExtras.Kind.TASK, contactId).stream()
        .map(task -> task.path("title").asText())
        .toList();
  }

  /** The campaigns the contact is in (not readable through the contacts API). */
  public List<String> campaigns(String contactId) {
    return extras.memberships(GhlContactExtras.Membership.CAMPAIGN, contactId);
  }

  /** The workflows the contact is in (not readable through the contacts API). */
  public List<String> workflows(String contactId) {
    return extras.memberships(GhlContactExtras.Membership.WORKFLOW, contactId);
  }

  /** Injects a fault into the API (answers before HighLevel's checks and counters). */
  public void inject(Fault fault) {
    server.inject(fault);
  }

  /** Every later answer waits {@code latency} first (see {@link EmulatorServer#latency}). */
  public void latency(Duration latency) {
    server.latency(latency);
  }

  public void clearFaults() {
    server.clearFaults();
  }

  /** How many requests each kind of injected fault hit so far (see {@link Fault#label()}). */
  public Map<String, Long> faultsInjected() {
    return server.faultsInjected();
  }

  /**
   * Every call that reached an API route so far (past the fault injection), with the answer sent,
   * in arrival order; rejected calls (bad Version, token, rate limit) included.
   */
  public List<GhlExchange> exchanges() {
    return routes.exchanges();
  }

  /** Every API request received so far, rejected ones included, in arrival order. */
  public List<EmulatorRequest> requests() {
    return server.requests();
  }

  @Override
  public void close() {
    server.close();
    webhooks.close();
  }

  private static ObjectNode fields(
      String firstName, String lastName, String email, String... tags) {
    ObjectNode fields =
        GhlResponses.object()
            .put("firstName", firstName)
            .put("lastName", lastName)
            .put("email", email)
            .put("source", "ghl-emulator");
    ArrayNode array = fields.putArray("tags");
    for (String tag : tags) {
      array.add(tag);
    }
    return fields;
  }

  private static IllegalArgumentException unknown(String contactId) {
    return new IllegalArgumentException("no contact " + contactId + " in the GHL emulator");
  }
}

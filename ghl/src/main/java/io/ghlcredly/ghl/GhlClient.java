package io.ghlcredly.ghl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.ghl.api.AppointmentListResponse;
import io.ghlcredly.ghl.api.BulkTagsRequest;
import io.ghlcredly.ghl.api.BulkTagsResponse;
import io.ghlcredly.ghl.api.BusinessContactsRequest;
import io.ghlcredly.ghl.api.BusinessContactsResponse;
import io.ghlcredly.ghl.api.ContactInput;
import io.ghlcredly.ghl.api.ContactListResponse;
import io.ghlcredly.ghl.api.CreateContactResponse;
import io.ghlcredly.ghl.api.CreateContactResult;
import io.ghlcredly.ghl.api.CreateTaskRequest;
import io.ghlcredly.ghl.api.DuplicateContactResponse;
import io.ghlcredly.ghl.api.FollowersRequest;
import io.ghlcredly.ghl.api.FollowersResponse;
import io.ghlcredly.ghl.api.GetContactResponse;
import io.ghlcredly.ghl.api.GhlContact;
import io.ghlcredly.ghl.api.GhlContactSummary;
import io.ghlcredly.ghl.api.GhlSuccess;
import io.ghlcredly.ghl.api.NoteListResponse;
import io.ghlcredly.ghl.api.NoteRequest;
import io.ghlcredly.ghl.api.NoteResponse;
import io.ghlcredly.ghl.api.SearchContactsRequest;
import io.ghlcredly.ghl.api.SearchContactsResponse;
import io.ghlcredly.ghl.api.TagsRequest;
import io.ghlcredly.ghl.api.TagsResponse;
import io.ghlcredly.ghl.api.TaskCompletedRequest;
import io.ghlcredly.ghl.api.TaskListResponse;
import io.ghlcredly.ghl.api.TaskResponse;
import io.ghlcredly.ghl.api.UpdateContactResponse;
import io.ghlcredly.ghl.api.UpdateTaskRequest;
import io.ghlcredly.ghl.api.UpsertContactResponse;
import io.ghlcredly.ghl.api.WorkflowRequest;
import io.ghlcredly.http.Authenticator;
import io.ghlcredly.http.HttpObserver;
import io.ghlcredly.http.HttpTransport;
import io.ghlcredly.http.JsonCodec;
import io.ghlcredly.http.RatePriority;
import io.ghlcredly.http.RequestGate;
import io.ghlcredly.http.TransportSettings;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * HighLevel API v2, one method per operation of apps/contacts.json (see {@link GhlEndpoint}),
 * returning wire DTOs. Every call goes through one {@link HttpTransport} that sends {@code
 * Authorization: Bearer …} and {@code Version: …}, after a check that the token holds the
 * operation's scope ({@link MissingScopeException} otherwise, before sending). Thread-safe.
 */
public final class GhlClient {
  /** Connector name used in errors and logs. */
  public static final String CONNECTOR = "ghl";

  /** {@code GET /contacts/} pages hold at most this many contacts. */
  public static final int MAX_LIST_LIMIT = 100;

  private final GhlRequests requests;

  /** For custom wiring, with every scope assumed granted (Private Integration Token). */
  public GhlClient(HttpTransport transport, JsonCodec json) {
    this(transport, json, GrantedScopes.all());
  }

  /** For custom wiring; {@code transport} must already send the Version and auth headers. */
  public GhlClient(HttpTransport transport, JsonCodec json, GrantedScopes scopes) {
    this(new GhlRequests(transport, json, scopes));
  }

  private GhlClient(GhlRequests requests) {
    this.requests = requests;
  }

  /**
   * The same client with its calls counted against the rate budget of {@code key} (the location or
   * company the token belongs to) at the given priority. Shares the transport and its limiter.
   */
  public GhlClient rated(String key, RatePriority priority) {
    return new GhlClient(requests.rated(key, priority));
  }

  /** A client with a static token (Private Integration Token or a location access token). */
  public static GhlClient create(GhlSettings settings) {
    String authorization = "Bearer " + settings.accessToken().reveal();
    return create(settings, () -> authorization);
  }

  /** A client whose token comes from elsewhere; every scope assumed granted. */
  public static GhlClient create(GhlSettings settings, Authenticator authenticator) {
    return create(settings, authenticator, GrantedScopes.all());
  }

  /** A client whose token and granted scopes come from elsewhere (an OAuth token store). */
  public static GhlClient create(
      GhlSettings settings, Authenticator authenticator, GrantedScopes scopes) {
    return create(settings, authenticator, scopes, RequestGate.OPEN);
  }

  /**
   * A client whose calls pass {@code gate} (a rate limiter shared by every client of the process)
   * before they are sent; use {@link #rated} to say whose budget a call spends.
   */
  public static GhlClient create(
      GhlSettings settings, Authenticator authenticator, GrantedScopes scopes, RequestGate gate) {
    return create(settings, authenticator, scopes, gate, HttpObserver.NONE);
  }

  /** As above, telling {@code observer} about every call (for metrics). */
  public static GhlClient create(
      GhlSettings settings,
      Authenticator authenticator,
      GrantedScopes scopes,
      RequestGate gate,
      HttpObserver observer) {
    JsonCodec json = new JsonCodec();
    TransportSettings transportSettings =
        new TransportSettings(
            CONNECTOR,
            settings.baseUrl(),
            settings.timeout(),
            Map.of("Version", settings.apiVersion()));
    HttpTransport transport =
        new HttpTransport(
            HttpTransport.defaultClient(settings.timeout()),
            transportSettings,
            authenticator,
            new GhlErrorMessageReader(json),
            gate,
            observer);
    return new GhlClient(transport, json, scopes);
  }

  /**
   * Sends any operation with raw parameters and body and returns the JSON answer, for the catalog
   * and support tools. Path parameters must all be present; query parameters may be absent (null).
   *
   * @throws MissingScopeException before sending, when the token lacks the operation's scope
   */
  public String send(
      GhlEndpoint endpoint,
      Map<String, String> pathParams,
      Map<String, @Nullable String> query,
      @Nullable String jsonBody) {
    return requests.send(endpoint, pathParams, query, jsonBody).body();
  }

  // ---- contacts ----

  /**
   * {@code GET /contacts/{contactId}}. An unknown id fails with HTTP 400 ("Contact with id … not
   * found") or 404; {@link GhlCrmGateway} turns those into an empty result.
   *
   * @throws ApiException on any non-2xx answer, I/O failure, or a body without a contact
   */
  public GetContactResponse getContact(ContactId contactId) {
    GetContactResponse response =
        requests.call(
            GhlEndpoint.GET_CONTACT, contact(contactId), Map.of(), null, GetContactResponse.class);
    if (response.contact() == null) {
      throw GhlRequests.malformed(GhlEndpoint.GET_CONTACT, "response has no contact", null);
    }
    return response;
  }

  /**
   * {@code POST /contacts/}. A duplicate (the location does not allow duplicates and the e-mail or
   * phone is taken) is the {@link CreateContactResult.Duplicate} result, not an exception.
   */
  public CreateContactResult createContact(LocationId locationId, ContactInput contact) {
    ObjectNode body = withLocation(locationId, contact);
    try {
      CreateContactResponse response =
          requests.call(
              GhlEndpoint.CREATE_CONTACT, Map.of(), Map.of(), body, CreateContactResponse.class);
      GhlContact created = response.contact();
      if (created == null) {
        throw GhlRequests.malformed(GhlEndpoint.CREATE_CONTACT, "response has no contact", null);
      }
      return new CreateContactResult.Created(created);
    } catch (ApiException e) {
      Optional<CreateContactResult.Duplicate> duplicate =
          e.status() == 400
              ? e.providerMessage().flatMap(GhlErrorMessageReader::duplicateOf)
              : Optional.empty();
      if (duplicate.isPresent()) {
        return duplicate.get();
      }
      throw e;
    }
  }

  /**
   * {@code PUT /contacts/{contactId}}. Tags are refused here: HighLevel replaces all tags with the
   * given ones, so they change only through {@link #addTags} and {@link #removeTags}.
   *
   * @throws IllegalArgumentException when {@code changes} sets tags, gender or companyName
   */
  public UpdateContactResponse updateContact(ContactId contactId, ContactInput changes) {
    List<String> refused = changes.fieldsNotForUpdate();
    if (!refused.isEmpty()) {
      throw new IllegalArgumentException(
          "update-contact cannot send " + refused + " (tags change only through the tag calls)");
    }
    return requests.call(
        GhlEndpoint.UPDATE_CONTACT,
        contact(contactId),
        Map.of(),
        changes,
        UpdateContactResponse.class);
  }

  /** {@code DELETE /contacts/{contactId}}. */
  public GhlSuccess deleteContact(ContactId contactId) {
    return requests.call(
        GhlEndpoint.DELETE_CONTACT, contact(contactId), Map.of(), null, GhlSuccess.class);
  }

  /**
   * {@code POST /contacts/upsert}: updates the contact the location's duplicate rules match, or
   * creates one. Tags are refused for the same reason as in {@link #updateContact}.
   */
  public UpsertContactResponse upsertContact(
      LocationId locationId, ContactInput contact, @Nullable Boolean createNewIfDuplicateAllowed) {
    if (contact.tags() != null) {
      throw new IllegalArgumentException(
          "upsert-contact cannot send tags (they would replace all tags); use addTags");
    }
    ObjectNode body = withLocation(locationId, contact);
    if (createNewIfDuplicateAllowed != null) {
      body.put("createNewIfDuplicateAllowed", createNewIfDuplicateAllowed);
    }
    return requests.call(
        GhlEndpoint.UPSERT_CONTACT, Map.of(), Map.of(), body, UpsertContactResponse.class);
  }

  /**
   * One page of {@code GET /contacts/} (deprecated by HighLevel, still served). Prefer {@link
   * #streamContacts}, which follows the cursor.
   *
   * @param limit 1 to 100
   */
  public ContactListResponse listContacts(
      LocationId locationId,
      @Nullable String query,
      int limit,
      @Nullable Long startAfter,
      @Nullable String startAfterId) {
    if (limit < 1 || limit > MAX_LIST_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to 100: " + limit);
    }
    Map<String, @Nullable String> params = new LinkedHashMap<>();
    params.put("locationId", locationId.value());
    params.put("limit", Integer.toString(limit));
    params.put("query", query);
    params.put("startAfter", startAfter == null ? null : startAfter.toString());
    params.put("startAfterId", startAfterId);
    return requests.call(
        GhlEndpoint.GET_CONTACTS, Map.of(), params, null, ContactListResponse.class);
  }

  /**
   * Every contact of the location through {@code GET /contacts/}, fetched lazily one page at a time
   * (the next page only when the stream needs it).
   */
  public Stream<GhlContactSummary> streamContacts(
      LocationId locationId, @Nullable String query, int pageSize) {
    return stream(new ContactListPages(this, locationId, query, pageSize));
  }

  /** {@code POST /contacts/search}: one page. */
  public SearchContactsResponse searchContacts(SearchContactsRequest search) {
    return requests.call(
        GhlEndpoint.SEARCH_CONTACTS, Map.of(), Map.of(), search, SearchContactsResponse.class);
  }

  /**
   * Every result of the search, fetched lazily page by page with the {@code searchAfter} cursor (so
   * beyond the 10,000 records that {@code page} paging reaches).
   */
  public Stream<GhlContactSummary> streamSearch(SearchContactsRequest search) {
    return stream(new SearchPages(this, search));
  }

  /**
   * {@code GET /contacts/search/duplicate}: the contact a new one with these details duplicates.
   */
  public Optional<GhlContact> findDuplicateContact(
      LocationId locationId, @Nullable String email, @Nullable String phoneNumber) {
    Map<String, @Nullable String> params = new LinkedHashMap<>();
    params.put("locationId", locationId.value());
    params.put("number", phoneNumber);
    params.put("email", email);
    return Optional.ofNullable(
        requests
            .call(
                GhlEndpoint.GET_DUPLICATE_CONTACT,
                Map.of(),
                params,
                null,
                DuplicateContactResponse.class)
            .contact());
  }

  /** {@code GET /contacts/business/{businessId}}: offset paging with {@code skip}. */
  public ContactListResponse listContactsByBusiness(
      String businessId,
      LocationId locationId,
      @Nullable Integer limit,
      @Nullable Integer skip,
      @Nullable String query) {
    Map<String, @Nullable String> params = new LinkedHashMap<>();
    params.put("locationId", locationId.value());
    params.put("limit", limit == null ? null : limit.toString());
    params.put("skip", skip == null ? null : skip.toString());
    params.put("query", query);
    return requests.call(
        GhlEndpoint.GET_CONTACTS_BY_BUSINESS,
        Map.of("businessId", businessId),
        params,
        null,
        ContactListResponse.class);
  }

  /** {@code POST /contacts/bulk/tags/update/{type}}: adds ({@code add}) or removes tags in bulk. */
  public BulkTagsResponse updateTagsInBulk(boolean add, BulkTagsRequest request) {
    return requests.call(
        GhlEndpoint.UPDATE_TAGS_BULK,
        Map.of("type", add ? "add" : "remove"),
        Map.of(),
        request,
        BulkTagsResponse.class);
  }

  /** {@code POST /contacts/bulk/business}: puts contacts into a business. */
  public BusinessContactsResponse updateBusinessContacts(BusinessContactsRequest request) {
    return requests.call(
        GhlEndpoint.UPDATE_BUSINESS_BULK,
        Map.of(),
        Map.of(),
        request,
        BusinessContactsResponse.class);
  }

  // ---- tasks ----

  /** {@code GET /contacts/{contactId}/tasks} (not paged). */
  public TaskListResponse listTasks(ContactId contactId) {
    return requests.call(
        GhlEndpoint.GET_ALL_TASKS, contact(contactId), Map.of(), null, TaskListResponse.class);
  }

  /** {@code GET /contacts/{contactId}/tasks/{taskId}}. */
  public TaskResponse getTask(ContactId contactId, String taskId) {
    return requests.call(
        GhlEndpoint.GET_TASK, task(contactId, taskId), Map.of(), null, TaskResponse.class);
  }

  /** {@code POST /contacts/{contactId}/tasks} (201). */
  public TaskResponse createTask(ContactId contactId, CreateTaskRequest task) {
    return requests.call(
        GhlEndpoint.CREATE_TASK, contact(contactId), Map.of(), task, TaskResponse.class);
  }

  /** {@code PUT /contacts/{contactId}/tasks/{taskId}}. */
  public TaskResponse updateTask(ContactId contactId, String taskId, UpdateTaskRequest changes) {
    return requests.call(
        GhlEndpoint.UPDATE_TASK, task(contactId, taskId), Map.of(), changes, TaskResponse.class);
  }

  /** {@code PUT /contacts/{contactId}/tasks/{taskId}/completed}. */
  public TaskResponse completeTask(ContactId contactId, String taskId, boolean completed) {
    return requests.call(
        GhlEndpoint.UPDATE_TASK_COMPLETED,
        task(contactId, taskId),
        Map.of(),
        new TaskCompletedRequest(completed),
        TaskResponse.class);
  }

  /** {@code DELETE /contacts/{contactId}/tasks/{taskId}}. */
  public GhlSuccess deleteTask(ContactId contactId, String taskId) {
    return requests.call(
        GhlEndpoint.DELETE_TASK, task(contactId, taskId), Map.of(), null, GhlSuccess.class);
  }

  // ---- notes ----

  /** {@code GET /contacts/{contactId}/notes} (not paged). */
  public NoteListResponse listNotes(ContactId contactId) {
    return requests.call(
        GhlEndpoint.GET_ALL_NOTES, contact(contactId), Map.of(), null, NoteListResponse.class);
  }

  /** {@code GET /contacts/{contactId}/notes/{id}}. */
  public NoteResponse getNote(ContactId contactId, String noteId) {
    return requests.call(
        GhlEndpoint.GET_NOTE, note(contactId, noteId), Map.of(), null, NoteResponse.class);
  }

  /** {@code POST /contacts/{contactId}/notes} (201); {@code body} is required. */
  public NoteResponse createNote(ContactId contactId, NoteRequest note) {
    if (note.body() == null || note.body().isBlank()) {
      throw new IllegalArgumentException("create-note needs a body");
    }
    return requests.call(
        GhlEndpoint.CREATE_NOTE, contact(contactId), Map.of(), note, NoteResponse.class);
  }

  /** {@code PUT /contacts/{contactId}/notes/{id}}. */
  public NoteResponse updateNote(ContactId contactId, String noteId, NoteRequest changes) {
    return requests.call(
        GhlEndpoint.UPDATE_NOTE, note(contactId, noteId), Map.of(), changes, NoteResponse.class);
  }

  /** {@code DELETE /contacts/{contactId}/notes/{id}}. */
  public GhlSuccess deleteNote(ContactId contactId, String noteId) {
    return requests.call(
        GhlEndpoint.DELETE_NOTE, note(contactId, noteId), Map.of(), null, GhlSuccess.class);
  }

  // ---- tags, appointments, followers, campaigns, workflows ----

  /** {@code POST /contacts/{contactId}/tags} (201): the contact's tags afterwards. */
  public TagsResponse addTags(ContactId contactId, List<String> tags) {
    return requests.call(
        GhlEndpoint.ADD_TAGS,
        contact(contactId),
        Map.of(),
        new TagsRequest(tags),
        TagsResponse.class);
  }

  /** {@code DELETE /contacts/{contactId}/tags} with a JSON body: the contact's tags afterwards. */
  public TagsResponse removeTags(ContactId contactId, List<String> tags) {
    return requests.call(
        GhlEndpoint.REMOVE_TAGS,
        contact(contactId),
        Map.of(),
        new TagsRequest(tags),
        TagsResponse.class);
  }

  /** {@code GET /contacts/{contactId}/appointments}. */
  public AppointmentListResponse listAppointments(ContactId contactId) {
    return requests.call(
        GhlEndpoint.GET_APPOINTMENTS,
        contact(contactId),
        Map.of(),
        null,
        AppointmentListResponse.class);
  }

  /** {@code POST /contacts/{contactId}/followers} (201) with user ids. */
  public FollowersResponse addFollowers(ContactId contactId, List<String> userIds) {
    return requests.call(
        GhlEndpoint.ADD_FOLLOWERS,
        contact(contactId),
        Map.of(),
        new FollowersRequest(userIds),
        FollowersResponse.class);
  }

  /** {@code DELETE /contacts/{contactId}/followers} with a JSON body of user ids. */
  public FollowersResponse removeFollowers(ContactId contactId, List<String> userIds) {
    return requests.call(
        GhlEndpoint.REMOVE_FOLLOWERS,
        contact(contactId),
        Map.of(),
        new FollowersRequest(userIds),
        FollowersResponse.class);
  }

  /** {@code POST /contacts/{contactId}/campaigns/{campaignId}} (201, empty body object). */
  public GhlSuccess addToCampaign(ContactId contactId, String campaignId) {
    return requests.call(
        GhlEndpoint.ADD_TO_CAMPAIGN,
        campaign(contactId, campaignId),
        Map.of(),
        Map.of(),
        GhlSuccess.class);
  }

  /** {@code DELETE /contacts/{contactId}/campaigns/{campaignId}}. */
  public GhlSuccess removeFromCampaign(ContactId contactId, String campaignId) {
    return requests.call(
        GhlEndpoint.REMOVE_FROM_CAMPAIGN,
        campaign(contactId, campaignId),
        Map.of(),
        null,
        GhlSuccess.class);
  }

  /** {@code DELETE /contacts/{contactId}/campaigns/removeAll}. */
  public GhlSuccess removeFromAllCampaigns(ContactId contactId) {
    return requests.call(
        GhlEndpoint.REMOVE_FROM_ALL_CAMPAIGNS,
        contact(contactId),
        Map.of(),
        null,
        GhlSuccess.class);
  }

  /** {@code POST /contacts/{contactId}/workflow/{workflowId}}. */
  public GhlSuccess addToWorkflow(
      ContactId contactId, String workflowId, @Nullable String eventStartTime) {
    return requests.call(
        GhlEndpoint.ADD_TO_WORKFLOW,
        workflow(contactId, workflowId),
        Map.of(),
        new WorkflowRequest(eventStartTime),
        GhlSuccess.class);
  }

  /**
   * {@code DELETE /contacts/{contactId}/workflow/{workflowId}} (with a JSON body, as specified).
   */
  public GhlSuccess removeFromWorkflow(ContactId contactId, String workflowId) {
    return requests.call(
        GhlEndpoint.REMOVE_FROM_WORKFLOW,
        workflow(contactId, workflowId),
        Map.of(),
        new WorkflowRequest(null),
        GhlSuccess.class);
  }

  private ObjectNode withLocation(LocationId locationId, ContactInput contact) {
    ObjectNode fields = requests.json().mapper().valueToTree(contact);
    ObjectNode body =
        requests.json().mapper().createObjectNode().put("locationId", locationId.value());
    body.setAll(fields);
    return body;
  }

  private static <T> Stream<T> stream(Iterator<T> iterator) {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  private static Map<String, String> contact(ContactId contactId) {
    return Map.of("contactId", contactId.value());
  }

  private static Map<String, String> task(ContactId contactId, String taskId) {
    return Map.of("contactId", contactId.value(), "taskId", taskId);
  }

  private static Map<String, String> note(ContactId contactId, String noteId) {
    return Map.of("contactId", contactId.value(), "id", noteId);
  }

  private static Map<String, String> campaign(ContactId contactId, String campaignId) {
    return Map.of("contactId", contactId.value(), "campaignId", campaignId);
  }

  private static Map<String, String> workflow(ContactId contactId, String workflowId) {
    return Map.of("contactId", contactId.value(), "workflowId", workflowId);
  }
}

package io.ghlcredly.ghl;

import io.ghlcredly.http.catalog.OperationSpec.BodyUse;
import io.ghlcredly.http.catalog.ParamSpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The 32 operations of HighLevel's apps/contacts.json; of apps/locations.json, get-location,
 * get-location-tags and get-custom-fields; and the list operations of apps/workflows.json,
 * apps/campaigns.json and apps/users.json (get-user-by-location) (API version 2021-07-28):
 * operationId, method, path template, the scope its {@code security} requires, query parameters and
 * body use. The one table both {@link GhlClient} and the catalog read, so the scope check and the
 * paths cannot drift apart.
 */
public enum GhlEndpoint {
  GET_CONTACT(
      "get-contact",
      "GET",
      "/contacts/{contactId}",
      GrantedScopes.CONTACTS_READONLY,
      BodyUse.NONE,
      "Get a contact"),
  UPDATE_CONTACT(
      "update-contact",
      "PUT",
      "/contacts/{contactId}",
      GrantedScopes.CONTACTS_WRITE,
      BodyUse.REQUIRED,
      "Update a contact"),
  DELETE_CONTACT(
      "delete-contact",
      "DELETE",
      "/contacts/{contactId}",
      GrantedScopes.CONTACTS_WRITE,
      BodyUse.NONE,
      "Delete a contact"),
  CREATE_CONTACT(
      "create-contact",
      "POST",
      "/contacts/",
      GrantedScopes.CONTACTS_WRITE,
      BodyUse.REQUIRED,
      "Create a contact"),
  GET_CONTACTS(
      "get-contacts",
      "GET",
      "/contacts/",
      GrantedScopes.CONTACTS_READONLY,
      BodyUse.NONE,
      "List contacts (deprecated by HighLevel; cursor paging)",
      ParamSpec.query("locationId", true, "location (sub-account) id"),
      ParamSpec.query("startAfterId", false, "cursor: id from the previous page's meta"),
      ParamSpec.query("startAfter", false, "cursor: epoch ms from the previous page's meta"),
      ParamSpec.query("query", false, "contact search text"),
      ParamSpec.query("limit", false, "page size, at most 100 (default 20)")),
  UPSERT_CONTACT(
      "upsert-contact",
      "POST",
      "/contacts/upsert",
      GrantedScopes.CONTACTS_WRITE,
      BodyUse.REQUIRED,
      "Create or update a contact by the location's duplicate rules"),
  SEARCH_CONTACTS(
      "search-contacts-advanced",
      "POST",
      "/contacts/search",
      GrantedScopes.CONTACTS_READONLY,
      BodyUse.REQUIRED,
      "Search contacts with filters (page or searchAfter paging)"),
  GET_DUPLICATE_CONTACT(
      "get-duplicate-contact",
      "GET",
      "/contacts/search/duplicate",
      GrantedScopes.CONTACTS_READONLY,
      BodyUse.NONE,
      "Find the contact a new one would duplicate",
      ParamSpec.query("locationId", true, "location (sub-account) id"),
      ParamSpec.query("number", false, "phone number"),
      ParamSpec.query("email", false, "e-mail address")),
  GET_CONTACTS_BY_BUSINESS(
      "get-contacts-by-businessId",
      "GET",
      "/contacts/business/{businessId}",
      GrantedScopes.CONTACTS_READONLY,
      BodyUse.NONE,
      "List the contacts of a business",
      ParamSpec.query("limit", false, "page size"),
      ParamSpec.query("locationId", true, "location (sub-account) id"),
      ParamSpec.query("skip", false, "offset"),
      ParamSpec.query("query", false, "search text")),
  UPDATE_TAGS_BULK(
      "create-association",
      "POST",
      "/contacts/bulk/tags/update/{type}",
      null,
      BodyUse.REQUIRED,
      "Add or remove tags on many contacts (type: add or remove)"),
  UPDATE_BUSINESS_BULK(
      "add-remove-contact-from-business",
      "POST",
      "/contacts/bulk/business",
      null,
      BodyUse.REQUIRED,
      "Add contacts to a business or remove them from it"),
  GET_ALL_TASKS(
      "get-all-tasks",
      "GET",
      "/contacts/{contactId}/tasks",
      GrantedScopes.CONTACTS_READONLY,
      BodyUse.NONE,
      "List tasks"),
  CREATE_TASK(
      "create-task",
      "POST",
      "/contacts/{contactId}/tasks",
      GrantedScopes.CONTACTS_WRITE,
      BodyUse.REQUIRED,
      "Create task"),
  GET_TASK(
      "get-task",
      "GET",
      "/contacts/{contactId}/tasks/{taskId}",
      GrantedScopes.CONTACTS_READONLY,
      BodyUse.NONE,
      "Get a task"),
  UPDATE_TASK(
      "update-task",
      "PUT",
      "/contacts/{contactId}/tasks/{taskId}",
      GrantedScopes.CONTACTS_WRITE,
      BodyUse.REQUIRED,
      "Update a task"),
  DELETE_TASK(
      "delete-task",
      "DELETE",
      "/contacts/{contactId}/tasks/{taskId}",
      GrantedScopes.CONTACTS_WRITE,
      BodyUse.NONE,
      "Delete a task"),
  UPDATE_TASK_COMPLETED(
      "update-task-completed",
      "PUT",
      "/contacts/{contactId}/tasks/{taskId}/completed",
      GrantedScopes.CONTACTS_WRITE,
      BodyUse.REQUIRED,
      "Mark a task completed or not"),
  GET_APPOINTMENTS(
      "get-appointments-for-contact",
      "GET",
      "/contacts/{contactId}/appointments",
      GrantedScopes.CONTACTS_READONLY,
      BodyUse.NONE,
      "List a contact's appointments"),
  ADD_TAGS(
      "add-tags",
      "POST",
      "/contacts/{contactId}/tags",
      GrantedScopes.CONTACTS_WRITE,
      BodyUse.REQUIRED,
      "Add tags"),
  REMOVE_TAGS(
      "remove-tags",
      "DELETE",
      "/contacts/{contactId}/tags",
      GrantedScopes.CONTACTS_WRITE,
      BodyUse.REQUIRED,
      "Remove tags (DELETE with a JSON body)"),
  GET_ALL_NOTES(
      "get-all-notes",
      "GET",
      "/contacts/{contactId}/notes",
      GrantedScopes.CONTACTS_READONLY,
      BodyUse.NONE,
      "List notes"),
  CREATE_NOTE(
      "create-note",
      "POST",
      "/contacts/{contactId}/notes",
      GrantedScopes.CONTACTS_WRITE,
      BodyUse.REQUIRED,
      "Create note"),
  GET_NOTE(
      "get-note",
      "GET",
      "/contacts/{contactId}/notes/{id}",
      GrantedScopes.CONTACTS_READONLY,
      BodyUse.NONE,
      "Get a note"),
  UPDATE_NOTE(
      "update-note",
      "PUT",
      "/contacts/{contactId}/notes/{id}",
      GrantedScopes.CONTACTS_WRITE,
      BodyUse.REQUIRED,
      "Update a note"),
  DELETE_NOTE(
      "delete-note",
      "DELETE",
      "/contacts/{contactId}/notes/{id}",
      GrantedScopes.CONTACTS_WRITE,
      BodyUse.NONE,
      "Delete a note"),
  ADD_FOLLOWERS(
      "add-followers-contact",
      "POST",
      "/contacts/{contactId}/followers",
      GrantedScopes.CONTACTS_WRITE,
      BodyUse.REQUIRED,
      "Add followers (user ids)"),
  REMOVE_FOLLOWERS(
      "remove-followers-contact",
      "DELETE",
      "/contacts/{contactId}/followers",
      GrantedScopes.CONTACTS_WRITE,
      BodyUse.REQUIRED,
      "Remove followers (DELETE with a JSON body)"),
  ADD_TO_CAMPAIGN(
      "add-contact-to-campaign",
      "POST",
      "/contacts/{contactId}/campaigns/{campaignId}",
      GrantedScopes.CONTACTS_WRITE,
      BodyUse.OPTIONAL,
      "Add a contact to a campaign"),
  REMOVE_FROM_CAMPAIGN(
      "remove-contact-from-campaign",
      "DELETE",
      "/contacts/{contactId}/campaigns/{campaignId}",
      GrantedScopes.CONTACTS_WRITE,
      BodyUse.NONE,
      "Remove a contact from a campaign"),
  REMOVE_FROM_ALL_CAMPAIGNS(
      "remove-contact-from-every-campaign",
      "DELETE",
      "/contacts/{contactId}/campaigns/removeAll",
      GrantedScopes.CONTACTS_WRITE,
      BodyUse.NONE,
      "Remove a contact from every campaign"),
  ADD_TO_WORKFLOW(
      "add-contact-to-workflow",
      "POST",
      "/contacts/{contactId}/workflow/{workflowId}",
      GrantedScopes.CONTACTS_WRITE,
      BodyUse.OPTIONAL,
      "Add a contact to a workflow"),
  REMOVE_FROM_WORKFLOW(
      "delete-contact-from-workflow",
      "DELETE",
      "/contacts/{contactId}/workflow/{workflowId}",
      GrantedScopes.CONTACTS_WRITE,
      BodyUse.OPTIONAL,
      "Remove a contact from a workflow"),
  /** apps/locations.json; a location's token reads its own location only. */
  GET_LOCATION(
      "get-location",
      "GET",
      "/locations/{locationId}",
      GrantedScopes.LOCATIONS_READONLY,
      BodyUse.NONE,
      "Get a location (sub-account): its name, company and address"),
  /** apps/locations.json: the location's tags, for the rule editor's tag pickers. */
  GET_LOCATION_TAGS(
      "get-location-tags",
      "GET",
      "/locations/{locationId}/tags",
      GrantedScopes.LOCATION_TAGS_READONLY,
      BodyUse.NONE,
      "List a location's tags (id, name)"),
  /** apps/locations.json: the location's custom fields (id, name, fieldKey, dataType). */
  GET_CUSTOM_FIELDS(
      "get-custom-fields",
      "GET",
      "/locations/{locationId}/customFields",
      GrantedScopes.LOCATION_CUSTOM_FIELDS_READONLY,
      BodyUse.NONE,
      "List a location's custom fields (id, name, fieldKey, dataType)",
      ParamSpec.query("model", false, "contact, opportunity or all")),
  /** apps/workflows.json: the location's workflows (id, name, status), to name them in rules. */
  GET_WORKFLOWS(
      "get-workflow",
      "GET",
      "/workflows/",
      GrantedScopes.WORKFLOWS_READONLY,
      BodyUse.NONE,
      "List a location's workflows (id, name, status)",
      ParamSpec.query("locationId", true, "location (sub-account) id")),
  /** apps/campaigns.json: the location's campaigns (id, name, status). */
  GET_CAMPAIGNS(
      "get-campaigns",
      "GET",
      "/campaigns/",
      GrantedScopes.CAMPAIGNS_READONLY,
      BodyUse.NONE,
      "List a location's campaigns (id, name, status)",
      ParamSpec.query("locationId", true, "location (sub-account) id"),
      ParamSpec.query("status", false, "only campaigns in this status, such as published")),
  /** apps/users.json: the location's users (id, name, email), such as task assignees. */
  GET_USERS_BY_LOCATION(
      "get-user-by-location",
      "GET",
      "/users/",
      GrantedScopes.USERS_READONLY,
      BodyUse.NONE,
      "List a location's users (id, name, email)",
      ParamSpec.query("locationId", true, "location (sub-account) id"));

  private final String operationId;
  private final String method;
  private final String pathTemplate;
  private final @Nullable String scope;
  private final BodyUse body;
  private final String summary;

  @SuppressWarnings("ImmutableEnumChecker") // List.copyOf: unmodifiable, ParamSpec is a record
  private final List<ParamSpec> params;

  GhlEndpoint(
      String operationId,
      String method,
      String pathTemplate,
      @Nullable String scope,
      BodyUse body,
      String summary,
      ParamSpec... queryParams) {
    this.operationId = operationId;
    this.method = method;
    this.pathTemplate = pathTemplate;
    this.scope = scope;
    this.body = body;
    this.summary = summary;
    List<ParamSpec> all = new ArrayList<>();
    Matcher matcher = PathParams.PATTERN.matcher(pathTemplate);
    while (matcher.find()) {
      all.add(ParamSpec.path(matcher.group(1), "path segment"));
    }
    all.addAll(List.of(queryParams));
    this.params = List.copyOf(all);
  }

  /** The operationId in the app spec it comes from (apps/contacts.json, apps/locations.json…). */
  public String operationId() {
    return operationId;
  }

  public String method() {
    return method;
  }

  public String pathTemplate() {
    return pathTemplate;
  }

  /**
   * The scope the spec's {@code security} names; empty for the two bulk operations, whose
   * operations declare no security in the spec.
   */
  public Optional<String> scope() {
    return Optional.ofNullable(scope);
  }

  /**
   * Whether a JSON body goes with the call. {@code OPTIONAL} marks operations whose spec requires a
   * body of only optional fields (campaigns, workflows): {@code {}} is sent when none is given.
   */
  public BodyUse body() {
    return body;
  }

  public String summary() {
    return summary;
  }

  /** Path parameters (in template order), then query parameters. */
  public List<ParamSpec> params() {
    return params;
  }

  /**
   * The path with each {@code {name}} replaced by its percent-encoded value.
   *
   * @throws IllegalArgumentException naming the first missing path parameter
   */
  public String path(Map<String, String> pathParams) {
    Matcher matcher = PathParams.PATTERN.matcher(pathTemplate);
    StringBuilder path = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      String value = pathParams.get(name);
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(
            "missing path parameter " + name + " for " + operationId);
      }
      matcher.appendReplacement(path, Matcher.quoteReplacement(encode(value)));
    }
    matcher.appendTail(path);
    return path.toString();
  }

  /** Percent-encodes one path segment or query value ({@code /}, {@code +} and spaces too). */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The endpoint with this operationId. */
  public static Optional<GhlEndpoint> byOperationId(String operationId) {
    for (GhlEndpoint endpoint : values()) {
      if (endpoint.operationId.equals(operationId)) {
        return Optional.of(endpoint);
      }
    }
    return Optional.empty();
  }

  /** Holder: enum constructors may not read the enum's own static fields. */
  private static final class PathParams {
    static final Pattern PATTERN = Pattern.compile("\\{([A-Za-z]+)}");
  }
}

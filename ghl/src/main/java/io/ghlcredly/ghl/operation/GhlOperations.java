package io.ghlcredly.ghl.operation;

import io.ghlcredly.ghl.GhlClient;
import io.ghlcredly.ghl.GhlEndpoint;
import io.ghlcredly.http.catalog.Operation;
import io.ghlcredly.http.catalog.TriggerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HighLevel's actions and triggers for the catalog: one action per operation of apps/contacts.json
 * plus get-location, get-location-tags and get-custom-fields (apps/locations.json) and the
 * workflows, campaigns and users of a location (apps/workflows.json, campaigns.json, users.json) —
 * what the rule editor's pickers list — and one trigger per webhook event we handle. Every action
 * is bound to one location's client; {@code GET /oauth/installedLocations} is not an action, since
 * only an agency (company) token may call it and no catalog client holds one.
 */
public final class GhlOperations {
  /** Catalog names that read better than the spec's operationIds. */
  private static final Map<String, String> RENAMED =
      Map.of(
          "search-contacts-advanced", "search-contacts",
          "create-association", "update-tags-in-bulk",
          "get-workflow", "get-workflows",
          "get-user-by-location", "get-users-by-location");

  private GhlOperations() {}

  /** Every operation bound to {@code client}, named {@code ghl.<operation>}. */
  public static List<Operation> operations(GhlClient client) {
    List<Operation> operations = new ArrayList<>();
    for (GhlEndpoint endpoint : GhlEndpoint.values()) {
      operations.add(new GhlOperation(endpoint, name(endpoint), client));
    }
    return List.copyOf(operations);
  }

  /** The catalog name of an endpoint, such as {@code ghl.get-contact}. */
  public static String name(GhlEndpoint endpoint) {
    String id = endpoint.operationId();
    String base = RENAMED.getOrDefault(id, kebab(id));
    return "ghl." + base;
  }

  /** The webhook events, named like {@code ghl.contact-tag-update}. */
  public static List<TriggerSpec> triggers() {
    return List.of(
        webhook("ContactCreate", "ContactCreate", "a contact was created"),
        webhook("ContactUpdate", "ContactUpdate", "fields of a contact changed"),
        webhook("ContactDelete", "ContactDelete", "a contact was deleted"),
        webhook("ContactTagUpdate", "ContactTagUpdate", "a contact's tags changed"),
        webhook("ContactDndUpdate", "ContactDndUpdate", "a contact's do-not-disturb changed"),
        webhook("NoteCreate", "NoteCreate", "a note was added to a contact"),
        webhook("NoteUpdate", "NoteUpdate", "a note was changed"),
        webhook("NoteDelete", "NoteDelete", "a note was deleted"),
        webhook("TaskCreate", "TaskCreate", "a task was created (no event for other edits)"),
        webhook("TaskComplete", "TaskComplete", "a task was completed"),
        webhook("TaskDelete", "TaskDelete", "a task was deleted"),
        webhook("AppInstall", "INSTALL", "the app was installed (payload type INSTALL)"),
        webhook("AppUninstall", "UNINSTALL", "the app was uninstalled (payload type UNINSTALL)"));
  }

  private static TriggerSpec webhook(String event, String payloadType, String summary) {
    return new TriggerSpec(
        "ghl." + kebab(event), payloadType, TriggerSpec.Delivery.WEBHOOK, summary);
  }

  /** {@code ContactTagUpdate} and {@code get-contacts-by-businessId} to lower kebab case. */
  static String kebab(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}

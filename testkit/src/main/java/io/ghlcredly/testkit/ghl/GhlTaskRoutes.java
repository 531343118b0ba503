package io.ghlcredly.testkit.ghl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ghlcredly.testkit.ghl.GhlContactExtras.Kind;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A contact's tasks: list, get, create (201), update, complete, delete. */
final class GhlTaskRoutes {
  private static final Set<String> FIELDS =
      Set.of("title", "body", "dueDate", "completed", "assignedTo");

  /** The fields of task events (docs/webhook-events/Task*.md). */
  private static final List<String> WEBHOOK_FIELDS =
      List.of("id", "assignedTo", "body", "contactId", "title", "dateAdded", "dueDate");

  private final GhlContactStore store;
  private final GhlContactExtras extras;
  private final GhlWebhookSender webhooks;

  GhlTaskRoutes(GhlContactStore store, GhlContactExtras extras, GhlWebhookSender webhooks) {
    this.store = store;
    this.extras = extras;
    this.webhooks = webhooks;
  }

  void register(GhlRoutes.Registrar routes) {
    String tasks = "/contacts/{contactId}/tasks";
    String task = tasks + "/{taskId}";
    routes.route("GET", tasks, this::list);
    routes.route("POST", tasks, this::create);
    routes.route("GET", task, this::get);
    routes.route("PUT", task, request -> update(request, FIELDS));
    routes.route("PUT", task + "/completed", this::complete);
    routes.route("DELETE", task, this::delete);
  }

  private EmulatorResponse list(EmulatorRequest request) {
    String contactId = request.pathParam("contactId");
    if (store.find(contactId).isEmpty()) {
      return GhlResponses.contactNotFound(contactId);
    }
    ObjectNode response = GhlResponses.object();
    ArrayNode tasks = response.putArray("tasks");
    extras.list(Kind.TASK, contactId).forEach(tasks::add);
    return GhlResponses.ok(200, response);
  }

  private EmulatorResponse create(EmulatorRequest request) {
    String contactId = request.pathParam("contactId");
    ObjectNode body = GhlResponses.body(request);
    Optional<EmulatorResponse> invalid =
        GhlResponses.invalid(body, FIELDS, "title", "dueDate", "completed");
    if (invalid.isPresent()) {
      return invalid.get();
    }
    if (store.find(contactId).isEmpty()) {
      return GhlResponses.contactNotFound(contactId);
    }
    ObjectNode task = GhlResponses.object().put("id", GhlContactStore.newId());
    task.setAll(body);
    task.put("contactId", contactId);
    ObjectNode stored = extras.put(Kind.TASK, contactId, task);
    publish("TaskCreate", stored);
    if (stored.path("completed").asBoolean(false)) {
      publish("TaskComplete", stored);
    }
    return GhlResponses.ok(201, GhlResponses.wrap("task", stored));
  }

  private EmulatorResponse get(EmulatorRequest request) {
    String contactId = request.pathParam("contactId");
    String taskId = request.pathParam("taskId");
    return extras
        .find(Kind.TASK, contactId, taskId)
        .map(task -> GhlResponses.ok(200, GhlResponses.wrap("task", task)))
        .orElseGet(() -> notFound(taskId));
  }

  private EmulatorResponse complete(EmulatorRequest request) {
    ObjectNode body = GhlResponses.body(request);
    Optional<EmulatorResponse> invalid =
        GhlResponses.invalid(body, Set.of("completed"), "completed");
    return invalid.orElseGet(() -> update(request, Set.of("completed")));
  }

  private EmulatorResponse update(EmulatorRequest request, Set<String> allowed) {
    String contactId = request.pathParam("contactId");
    String taskId = request.pathParam("taskId");
    ObjectNode body = GhlResponses.body(request);
    Optional<EmulatorResponse> invalid = GhlResponses.invalid(body, allowed);
    if (invalid.isPresent()) {
      return invalid.get();
    }
    boolean wasCompleted =
        extras
            .find(Kind.TASK, contactId, taskId)
            .map(task -> task.path("completed").asBoolean(false))
            .orElse(false);
    return extras
        .update(Kind.TASK, contactId, taskId, body)
        .map(
            task -> {
              // HighLevel has no TaskUpdate event: only completing a task is announced.
              if (!wasCompleted && task.path("completed").asBoolean(false)) {
                publish("TaskComplete", task);
              }
              return GhlResponses.ok(200, GhlResponses.wrap("task", task));
            })
        .orElseGet(() -> notFound(taskId));
  }

  private EmulatorResponse delete(EmulatorRequest request) {
    String taskId = request.pathParam("taskId");
    return extras
        .remove(Kind.TASK, request.pathParam("contactId"), taskId)
        .map(
            task -> {
              publish("TaskDelete", task);
              return GhlResponses.succeded(200);
            })
        .orElseGet(() -> notFound(taskId));
  }

  /** Tasks keep no creation date, so the event says when it was sent, as dateAdded. */
  private void publish(String type, ObjectNode task) {
    ObjectNode payload = task.deepCopy();
    if (!payload.hasNonNull("dateAdded")) {
      payload.put("dateAdded", store.now());
    }
    // The event carries the location of the contact the task hangs off.
    String locationId = store.locationOf(payload.path("contactId").asText()).orElse("");
    webhooks.publishSubject(type, locationId, payload, WEBHOOK_FIELDS);
  }

  private static EmulatorResponse notFound(String taskId) {
    return GhlResponses.error(400, "Task with id " + taskId + " not found");
  }
}

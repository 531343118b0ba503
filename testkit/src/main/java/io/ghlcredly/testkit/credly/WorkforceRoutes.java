package io.ghlcredly.testkit.credly;

import com.fasterxml.jackson.databind.JsonNode;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Credly Workforce employee routes (credly.md §7). An organization without Workforce gets 403 on
 * every one of them. Filters: {@code name_or_email} (partial) and {@code employee_state}.
 * Thread-safe.
 */
final class WorkforceRoutes {
  static final String NO_WORKFORCE = "Your organization does not have access to Workforce";

  private final EmployeeStore store;
  private final RouteGuard guard;
  private final CredlyJson json;
  private final String listUrl;

  WorkforceRoutes(EmployeeStore store, RouteGuard guard, String apiBase, String organizationId) {
    this.store = store;
    this.guard = guard;
    this.json = guard.json();
    this.listUrl = apiBase + "/organizations/" + organizationId + "/employees";
  }

  void register(RouteTable table) {
    String employees = OrganizationRouter.ORGANIZATION + "/employees";
    table.route("GET", employees, workforce(this::list));
    table.route("POST", employees, workforce(this::create));
    table.route("GET", employees + "/{id}", workforce(this::get));
    table.route("PUT", employees + "/{id}", workforce(this::update));
    table.route("DELETE", employees + "/{id}", workforce(this::delete));
  }

  private Function<EmulatorRequest, EmulatorResponse> workforce(
      Function<EmulatorRequest, EmulatorResponse> handler) {
    return request -> store.enabled() ? handler.apply(request) : guard.error(403, NO_WORKFORCE);
  }

  private EmulatorResponse list(EmulatorRequest request) {
    Map<String, String> query = request.query();
    Predicate<Employee> filter = filter(query.getOrDefault("filter", ""));
    List<Employee> matching =
        store.all().stream()
            .filter(filter)
            .sorted(Comparator.comparing(Employee::createdAt))
            .toList();
    return guard.ok(Paging.page(json, listUrl, query, matching, json::employee));
  }

  private static Predicate<Employee> filter(String text) {
    Predicate<Employee> all = employee -> true;
    if (text.isBlank()) {
      return all;
    }
    for (String term : text.split("\\|", -1)) {
      int separator = term.indexOf("::");
      if (separator <= 0) {
        throw new IllegalArgumentException("Invalid filter term: " + term);
      }
      String key = term.substring(0, separator);
      String value = term.substring(separator + 2);
      all =
          all.and(
              switch (key) {
                case "name_or_email" -> e -> EmployeeStore.matchesNameOrEmail(e, value);
                case "employee_state" ->
                    e -> List.of(value.split(",", -1)).contains(e.employeeState());
                default -> throw new IllegalArgumentException("Unsupported filter key: " + key);
              });
    }
    return all;
  }

  private EmulatorResponse create(EmulatorRequest request) {
    return written(store.create(fields(json.read(request.body()))), 201);
  }

  private EmulatorResponse update(EmulatorRequest request) {
    return written(store.update(request.pathParam("id"), fields(json.read(request.body()))), 200);
  }

  private EmulatorResponse written(EmployeeStore.Result result, int status) {
    return switch (result) {
      case EmployeeStore.Result.Stored stored ->
          guard.single(status, json.employee(stored.employee()));
      case EmployeeStore.Result.Refused refused -> guard.error(422, refused.message());
      case EmployeeStore.Result.NotFound notFound -> guard.error(404, "Employee not found");
    };
  }

  private EmulatorResponse get(EmulatorRequest request) {
    return store
        .find(request.pathParam("id"))
        .map(employee -> guard.ok(json.single(json.employee(employee))))
        .orElseGet(() -> guard.error(404, "Employee not found"));
  }

  private EmulatorResponse delete(EmulatorRequest request) {
    return store.delete(request.pathParam("id"))
        ? new EmulatorResponse(204, Map.of(), "")
        : guard.error(404, "Employee not found");
  }

  private static EmployeeStore.Fields fields(JsonNode body) {
    return new EmployeeStore.Fields(
        text(body, "email"),
        text(body, "first_name"),
        text(body, "last_name"),
        text(body, "external_id"),
        text(body, "team"),
        text(body, "position_title"),
        text(body, "department"),
        text(body, "country"),
        attributes(body));
  }

  private static Map<String, String> attributes(JsonNode body) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (String name : Employee.OTHER_ATTRIBUTES) {
      String value = text(body, name);
      if (value != null) {
        attributes.put(name, value);
      }
    }
    return attributes;
  }

  private static @Nullable String text(JsonNode body, String field) {
    JsonNode value = body.path(field);
    return value.isValueNode() && !value.isNull() && !value.asText().isBlank()
        ? value.asText().trim()
        : null;
  }
}

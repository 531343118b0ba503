package io.ghlcredly.testkit.credly;

import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The organization's Workforce employees. Refuses a second record with the same e-mail or
 * external_id, as a directory keyed by them must. Thread-safe: every method holds the lock.
 */
final class EmployeeStore {
  private final InstantSource clock;
  private final Map<String, Employee> employees = new LinkedHashMap<>();
  private boolean enabled;

  EmployeeStore(InstantSource clock) {
    this.clock = clock;
  }

  synchronized boolean enabled() {
    return enabled;
  }

  synchronized void enabled(boolean value) {
    this.enabled = value;
  }

  synchronized List<Employee> all() {
    return List.copyOf(employees.values());
  }

  synchronized Optional<Employee> find(String id) {
    return Optional.ofNullable(employees.get(id));
  }

  /** The new record, or the reason it is refused. */
  synchronized Result create(Fields fields) {
    if (fields.email() == null || fields.email().isBlank()) {
      return new Result.Refused("email can't be blank");
    }
    Optional<String> conflict = conflict(null, fields);
    if (conflict.isPresent()) {
      return new Result.Refused(conflict.get());
    }
    Employee employee =
        new Employee(
            UUID.randomUUID().toString(),
            fields.email(),
            fields.firstName(),
            fields.lastName(),
            fields.externalId(),
            "created",
            fields.team(),
            fields.positionTitle(),
            fields.department(),
            fields.country(),
            fields.attributes(),
            clock.instant());
    employees.put(employee.id(), employee);
    return new Result.Stored(employee);
  }

  /** Changes the fields that are set. */
  synchronized Result update(String id, Fields fields) {
    Employee old = employees.get(id);
    if (old == null) {
      return new Result.NotFound();
    }
    Optional<String> conflict = conflict(id, fields);
    if (conflict.isPresent()) {
      return new Result.Refused(conflict.get());
    }
    Employee updated =
        new Employee(
            id,
            pick(fields.email(), old.email()),
            pickNullable(fields.firstName(), old.firstName()),
            pickNullable(fields.lastName(), old.lastName()),
            pickNullable(fields.externalId(), old.externalId()),
            old.employeeState(),
            pickNullable(fields.team(), old.team()),
            pickNullable(fields.positionTitle(), old.positionTitle()),
            pickNullable(fields.department(), old.department()),
            pickNullable(fields.country(), old.country()),
            merged(old.attributes(), fields.attributes()),
            old.createdAt());
    employees.put(id, updated);
    return new Result.Stored(updated);
  }

  synchronized boolean delete(String id) {
    return employees.remove(id) != null;
  }

  private Optional<String> conflict(@Nullable String selfId, Fields fields) {
    for (Employee other : employees.values()) {
      if (other.id().equals(selfId)) {
        continue;
      }
      if (fields.email() != null && other.email().equalsIgnoreCase(fields.email())) {
        return Optional.of("Email has already been taken");
      }
      if (fields.externalId() != null && fields.externalId().equals(other.externalId())) {
        return Optional.of("External has already been taken");
      }
    }
    return Optional.empty();
  }

  private static Map<String, String> merged(Map<String, String> old, Map<String, String> changes) {
    Map<String, String> merged = new LinkedHashMap<>(old);
    merged.putAll(changes);
    return merged;
  }

  private static String pick(@Nullable String value, String fallback) {
    return value == null ? fallback : value;
  }

  private static @Nullable String pickNullable(@Nullable String value, @Nullable String fallback) {
    return value == null ? fallback : value;
  }

  /** Whether an employee matches {@code name_or_email} (partial, any case). */
  static boolean matchesNameOrEmail(Employee employee, String text) {
    String needle = text.toLowerCase(Locale.ROOT);
    return employee.email().toLowerCase(Locale.ROOT).contains(needle)
        || (employee.firstName() + " " + employee.lastName())
            .toLowerCase(Locale.ROOT)
            .contains(needle);
  }

  /** The writable fields of a create or update body; null means not sent. */
  record Fields(
      @Nullable String email,
      @Nullable String firstName,
      @Nullable String lastName,
      @Nullable String externalId,
      @Nullable String team,
      @Nullable String positionTitle,
      @Nullable String department,
      @Nullable String country,
      Map<String, String> attributes) {}

  /** Result of a write. */
  sealed interface Result {
    record Stored(Employee employee) implements Result {}

    record Refused(String message) implements Result {}

    record NotFound() implements Result {}
  }
}

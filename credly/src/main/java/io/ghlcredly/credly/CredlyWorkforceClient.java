package io.ghlcredly.credly;

import io.ghlcredly.credly.api.EmployeeDto;
import io.ghlcredly.credly.api.EmployeePage;
import io.ghlcredly.credly.api.EmployeeRequest;
import io.ghlcredly.credly.api.EmployeeResponse;
import io.ghlcredly.http.ApiRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Credly Workforce employee records (credly.md §7), keyed for the sync by {@code external_id}, the
 * GHL contact id. Credly's documented employee filters do not include {@code external_id}, so a
 * lookup by it lists employees (narrowed by e-mail when known) and matches the id itself. Needs the
 * organization to have Workforce; without it Credly refuses these calls. Thread-safe.
 */
public final class CredlyWorkforceClient {
  private final CredlyCalls calls;
  private final String employeesPath;

  CredlyWorkforceClient(CredlyCalls calls, String organizationPath) {
    this.calls = calls;
    this.employeesPath = organizationPath + "/employees";
  }

  /** {@code POST .../employees}. */
  public EmployeeDto create(EmployeeRequest request) {
    return calls
        .read(ApiRequest.post(employeesPath, calls.codec().write(request)), EmployeeResponse.class)
        .data();
  }

  /** {@code PUT .../employees/{id}}: sends only the fields that are set. */
  public EmployeeDto update(String employeeId, EmployeeRequest request) {
    return calls
        .read(
            ApiRequest.put(employeePath(employeeId), calls.codec().write(request)),
            EmployeeResponse.class)
        .data();
  }

  /** {@code GET .../employees/{id}}. */
  public EmployeeDto get(String employeeId) {
    return calls.read(ApiRequest.get(employeePath(employeeId)), EmployeeResponse.class).data();
  }

  /**
   * {@code GET .../employees} with filter ({@code name_or_email}, {@code employee_state}), sort,
   * page.
   */
  public Page<EmployeeDto> list(ListQuery query) {
    return calls.page(employeesPath, query.toQueryString(), EmployeePage.class);
  }

  /** {@code DELETE .../employees/{id}}. */
  public void delete(String employeeId) {
    calls.send(ApiRequest.delete(employeePath(employeeId), null));
  }

  /**
   * The employee whose {@code external_id} is the given one.
   *
   * @param email narrows the search when known; the match is still on {@code external_id}
   */
  public Optional<EmployeeDto> findByExternalId(String externalId, @Nullable String email) {
    ListQuery query =
        email == null || email.isBlank()
            ? ListQuery.all()
            : ListQuery.filtered(Map.of("name_or_email", email));
    List<EmployeeDto> employees =
        calls.all(employeesPath, query.toQueryString(), EmployeePage.class);
    return employees.stream().filter(e -> externalId.equals(e.externalId())).findFirst();
  }

  /** Creates the employee, or updates the one with the request's {@code external_id}. */
  public Upserted upsert(EmployeeRequest request) {
    String externalId = request.externalId();
    if (externalId == null || externalId.isBlank()) {
      throw new IllegalArgumentException("an employee record is keyed by external_id");
    }
    Optional<EmployeeDto> existing = findByExternalId(externalId, request.email());
    if (existing.isPresent()) {
      return new Upserted(update(existing.get().id(), request), false);
    }
    return new Upserted(create(request), true);
  }

  /** {@code DELETE} of the employee with the {@code external_id}; false when there is none. */
  public boolean deleteByExternalId(String externalId, @Nullable String email) {
    Optional<EmployeeDto> existing = findByExternalId(externalId, email);
    existing.ifPresent(employee -> delete(employee.id()));
    return existing.isPresent();
  }

  private String employeePath(String employeeId) {
    return employeesPath + "/" + CredlyClient.segment(employeeId);
  }

  /** The record after an upsert, and whether it was created. */
  public record Upserted(EmployeeDto employee, boolean created) {}
}

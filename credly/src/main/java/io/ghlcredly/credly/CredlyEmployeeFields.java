package io.ghlcredly.credly;

import io.ghlcredly.core.port.CredentialRecords.CredentialRecord;
import io.ghlcredly.credly.api.EmployeeRequest;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link CredentialRecord} into Credly's employee body. The record's fields are named as
 * Credly names the writable employee attributes (credly.md §7); a name Credly does not have is
 * refused before anything is sent, so a typo in the mapping cannot silently drop data. Stateless.
 */
final class CredlyEmployeeFields {
  static final String TEAM = "team";
  static final String POSITION_TITLE = "position_title";
  static final String MANAGER_FIRST_NAME = "manager_first_name";
  static final String MANAGER_LAST_NAME = "manager_last_name";
  static final String MANAGER_EXTERNAL_ID = "manager_external_id";
  static final String COUNTRY = "country";
  static final String ZIP_CODE = "zip_code";
  static final String STATE_OR_PROVINCE = "state_or_province";
  static final String DEPARTMENT = "department";
  static final String JOB_FAMILY = "job_family";

  /** Credly's writable employee attributes besides identity (e-mail, names, external_id). */
  static final Set<String> SUPPORTED =
      Set.of(
          TEAM,
          POSITION_TITLE,
          MANAGER_FIRST_NAME,
          MANAGER_LAST_NAME,
          MANAGER_EXTERNAL_ID,
          COUNTRY,
          ZIP_CODE,
          STATE_OR_PROVINCE,
          DEPARTMENT,
          JOB_FAMILY);

  private CredlyEmployeeFields() {}

  /**
   * @throws IllegalArgumentException naming every field Credly has no attribute for
   */
  static void requireSupported(Collection<String> names) {
    Set<String> unknown = new TreeSet<>(names);
    unknown.removeAll(SUPPORTED);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "Credly employee records have no field "
              + String.join(", ", unknown)
              + "; supported: "
              + String.join(", ", new TreeSet<>(SUPPORTED)));
    }
  }

  /**
   * The employee body of the record. A blank value is not sent, so it never clears what Credly
   * holds.
   *
   * @throws IllegalArgumentException for a field Credly has no attribute for
   */
  static EmployeeRequest toRequest(CredentialRecord record) {
    Map<String, String> fields = record.fields();
    requireSupported(fields.keySet());
    return new EmployeeRequest(
        record.email(),
        text(record.firstName()),
        text(record.lastName()),
        record.externalId(),
        text(fields.get(TEAM)),
        text(fields.get(POSITION_TITLE)),
        text(fields.get(MANAGER_FIRST_NAME)),
        text(fields.get(MANAGER_LAST_NAME)),
        text(fields.get(MANAGER_EXTERNAL_ID)),
        text(fields.get(COUNTRY)),
        text(fields.get(ZIP_CODE)),
        text(fields.get(STATE_OR_PROVINCE)),
        text(fields.get(DEPARTMENT)),
        text(fields.get(JOB_FAMILY)));
  }

  private static @Nullable String text(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}

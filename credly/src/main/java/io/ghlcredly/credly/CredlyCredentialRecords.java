package io.ghlcredly.credly;

import io.ghlcredly.core.port.CredentialRecords;
import io.ghlcredly.credly.api.EmployeeRequest;
import java.util.Collection;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@link CredentialRecords} as Credly Workforce employees, keyed by {@code external_id} (the GHL
 * contact id). Whether the organization has Workforce is asked once (see {@link
 * CredlyWorkforceRecords}); without it every call is skipped. Record fields are named as Credly's
 * employee attributes, {@link #supportedFields()}. Thread-safe.
 */
public final class CredlyCredentialRecords implements CredentialRecords {
  private final @Nullable CredlyWorkforceRecords workforce;

  /** Records kept as Workforce employees, when the organization has Workforce. */
  public CredlyCredentialRecords(CredlyWorkforceRecords workforce) {
    this.workforce = workforce;
  }

  private CredlyCredentialRecords() {
    this.workforce = null;
  }

  /** Records configured off: never enabled, and no call reaches Credly. */
  public static CredlyCredentialRecords none() {
    return new CredlyCredentialRecords();
  }

  /** The field names a {@link CredentialRecord} may carry: Credly's writable attributes. */
  public static Set<String> supportedFields() {
    return CredlyEmployeeFields.SUPPORTED;
  }

  /**
   * Checks field names up front, as a mapping is built or configuration checked.
   *
   * @throws IllegalArgumentException naming each field Credly has no attribute for
   */
  public static void requireSupportedFields(Collection<String> names) {
    CredlyEmployeeFields.requireSupported(names);
  }

  @Override
  public boolean enabled() {
    return workforce != null && workforce.available();
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException for a field Credly has no attribute for, before any call
   */
  @Override
  public Outcome upsert(CredentialRecord record) {
    EmployeeRequest request = CredlyEmployeeFields.toRequest(record);
    if (workforce == null) {
      return Outcome.UNAVAILABLE;
    }
    return switch (workforce.sync(request)) {
      case CredlyWorkforceRecords.Outcome.Synced synced ->
          synced.result().created() ? Outcome.CREATED : Outcome.UPDATED;
      case CredlyWorkforceRecords.Outcome.Unavailable unavailable -> Outcome.UNAVAILABLE;
    };
  }

  @Override
  public boolean delete(String externalId, @Nullable String email) {
    return workforce != null && workforce.delete(externalId, email);
  }
}

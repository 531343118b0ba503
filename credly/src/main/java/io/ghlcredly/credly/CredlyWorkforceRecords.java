package io.ghlcredly.credly;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.credly.api.EmployeeRequest;
import io.ghlcredly.credly.api.OrganizationDto;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a Credly Workforce record per contact, when the organization has Workforce. Whether it has
 * is learned once (the organization's {@code workforce_enabled}, or Credly refusing an employee
 * call with 403); without it every later call is skipped, the sync goes on with badges alone, and
 * one WARN says so. Thread-safe.
 */
public final class CredlyWorkforceRecords {
  private static final Logger log = LoggerFactory.getLogger(CredlyWorkforceRecords.class);
  private static final int FORBIDDEN = 403;

  private final CredlyClient client;
  private final AtomicReference<Access> access = new AtomicReference<>(Access.UNKNOWN);

  public CredlyWorkforceRecords(CredlyClient client) {
    this.client = client;
  }

  /** Whether employee records are kept. */
  enum Access {
    UNKNOWN,
    AVAILABLE,
    UNAVAILABLE
  }

  /** What came of a sync of one person's record. */
  public sealed interface Outcome {
    /** The record was created or updated. */
    record Synced(CredlyWorkforceClient.Upserted result) implements Outcome {}

    /** The organization has no Workforce: nothing was sent. */
    record Unavailable() implements Outcome {}
  }

  /** Whether the organization keeps employee records; asks Credly once. */
  public boolean available() {
    if (access.get() == Access.UNKNOWN) {
      OrganizationDto organization = client.organization();
      if (Boolean.FALSE.equals(organization.workforceEnabled())) {
        markUnavailable("the organization has no Credly Workforce");
      } else {
        access.compareAndSet(Access.UNKNOWN, Access.AVAILABLE);
      }
    }
    return access.get() == Access.AVAILABLE;
  }

  /**
   * Creates or updates the person's record, keyed by {@code external_id}.
   *
   * @throws ApiException for failures other than a missing Workforce
   */
  public Outcome sync(EmployeeRequest request) {
    if (!available()) {
      return new Outcome.Unavailable();
    }
    try {
      return new Outcome.Synced(client.workforce().upsert(request));
    } catch (ApiException e) {
      if (e.status() == FORBIDDEN) {
        markUnavailable(e.providerMessage().orElse("Credly refused the employee call (403)"));
        return new Outcome.Unavailable();
      }
      throw e;
    }
  }

  /**
   * Deletes the record with the {@code external_id}, when there is one.
   *
   * @return false when there was none, or the organization has no Workforce
   * @throws ApiException for failures other than a missing Workforce
   */
  public boolean delete(String externalId, @Nullable String email) {
    if (!available()) {
      return false;
    }
    try {
      return client.workforce().deleteByExternalId(externalId, email);
    } catch (ApiException e) {
      if (e.status() == FORBIDDEN) {
        markUnavailable(e.providerMessage().orElse("Credly refused the employee call (403)"));
        return false;
      }
      throw e;
    }
  }

  private void markUnavailable(String reason) {
    if (access.getAndSet(Access.UNAVAILABLE) != Access.UNAVAILABLE) {
      log.atWarn()
          .addKeyValue("reason", reason)
          .log(
              "Credly Workforce is not available for this organization: employee records are"
                  + " not kept; badges are issued and synced as usual");
    }
  }
}

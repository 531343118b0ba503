package io.ghlcredly.core.port;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The person records the credential provider keeps next to badges (Credly Workforce employees),
 * keyed by the contact's external id. Thread-safe.
 */
public interface CredentialRecords {
  /**
   * Whether records are kept: configured on, and the provider's organization supports them. Asks
   * the provider at most once.
   */
  boolean enabled();

  /**
   * Creates or updates the record.
   *
   * @return what the provider did; {@link Outcome#UNAVAILABLE} when records turned out unsupported
   * @throws io.ghlcredly.core.error.ApiException when the provider fails
   */
  Outcome upsert(CredentialRecord record);

  /**
   * Deletes the record of the external id, when there is one.
   *
   * @return whether a record was deleted
   */
  boolean delete(String externalId, @Nullable String email);

  /** What an upsert did. */
  enum Outcome {
    CREATED,
    UPDATED,
    UNAVAILABLE
  }

  /**
   * One person's record as the mapping renders it.
   *
   * @param fields the provider's other record fields by their provider name (Credly Workforce:
   *     {@code department}, {@code position_title}, {@code team}…), as mapped
   */
  record CredentialRecord(
      String externalId,
      String email,
      @Nullable String firstName,
      @Nullable String lastName,
      Map<String, String> fields) {
    public CredentialRecord {
      fields = Map.copyOf(fields);
    }
  }
}

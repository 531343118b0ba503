package io.ghlcredly.core.sync;

import io.ghlcredly.core.error.MappingException;
import io.ghlcredly.core.mapping.ContactMapping;
import io.ghlcredly.core.port.CredentialRecords;
import io.ghlcredly.core.template.Template;
import io.ghlcredly.core.template.TemplateModel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The contact's Credly record: rendered from the mapping, sent only when it differs from what was
 * sent last (compared by digest, so the snapshot keeps no copy). Thread-safe.
 */
final class RecordActions {
  static final String EXTERNAL_ID = "external_id";
  static final String EMAIL = "email";
  static final String FIRST_NAME = "first_name";
  static final String LAST_NAME = "last_name";

  private final CredentialRecords records;

  RecordActions(CredentialRecords records) {
    this.records = records;
  }

  boolean enabled() {
    return records.enabled();
  }

  /** The record of the contact as the mapping renders it. */
  static CredentialRecords.CredentialRecord render(
      ContactMapping mapping, ObservedContact contact, TemplateModel model) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (mapping.record().isEmpty()) {
      fields.put(EXTERNAL_ID, contact.contact().id().value());
      putIfPresent(fields, EMAIL, contact.contact().email());
      putIfPresent(fields, FIRST_NAME, contact.contact().firstName());
      putIfPresent(fields, LAST_NAME, contact.contact().lastName());
    } else {
      for (Map.Entry<String, Template> field : mapping.record().entrySet()) {
        putIfPresent(fields, field.getKey(), field.getValue().render(model).trim());
      }
    }
    String externalId = fields.remove(EXTERNAL_ID);
    String email = fields.remove(EMAIL);
    if (externalId == null || email == null) {
      throw new MappingException(
          "mapping",
          contact.contact().logId()
              + " has no "
              + (externalId == null ? "external id" : "email")
              + " for its Credly record");
    }
    String firstName = fields.remove(FIRST_NAME);
    String lastName = fields.remove(LAST_NAME);
    return new CredentialRecords.CredentialRecord(externalId, email, firstName, lastName, fields);
  }

  /** A digest of everything the record sends. */
  static String digest(CredentialRecords.CredentialRecord record) {
    Map<String, String> all = new TreeMap<>(record.fields());
    all.put(EXTERNAL_ID, record.externalId());
    all.put(EMAIL, record.email());
    putIfPresent(all, FIRST_NAME, record.firstName());
    putIfPresent(all, LAST_NAME, record.lastName());
    StringBuilder canonical = new StringBuilder();
    all.forEach(
        (name, value) -> canonical.append(name).append('\u0000').append(value).append('\n'));
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  ActionResult upsert(CredentialRecords.CredentialRecord record) {
    CredentialRecords.Outcome outcome = records.upsert(record);
    return switch (outcome) {
      case CREATED -> ActionResult.of("record created");
      case UPDATED -> ActionResult.of("record updated");
      case UNAVAILABLE -> ActionResult.of("records unavailable at Credly");
    };
  }

  ActionResult delete(CredentialRecords.CredentialRecord record) {
    boolean deleted = records.delete(record.externalId(), record.email());
    return ActionResult.of(deleted ? "record deleted" : "no record to delete");
  }

  private static void putIfPresent(
      Map<String, String> fields, String name, @Nullable String value) {
    if (value != null && !value.isBlank()) {
      fields.put(name, value);
    }
  }
}

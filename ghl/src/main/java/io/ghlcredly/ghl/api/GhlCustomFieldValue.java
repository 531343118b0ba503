package io.ghlcredly.ghl.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A custom field value on the write side: {@code {id|key, field_value}} (schemas {@code TextField},
 * {@code NumericField}, …). Different from the read side's {@code {id, value}} ({@link
 * GhlCustomField}). The value is a string, a number, a list of strings or an object (files),
 * depending on the field's type.
 */
public record GhlCustomFieldValue(
    @Nullable String id, @Nullable String key, @JsonProperty("field_value") Object fieldValue) {
  public GhlCustomFieldValue {
    if ((id == null || id.isBlank()) && (key == null || key.isBlank())) {
      throw new IllegalArgumentException("a custom field value needs an id or a key");
    }
  }

  public static GhlCustomFieldValue byId(String id, Object value) {
    return new GhlCustomFieldValue(id, null, value);
  }

  /** By the field's key, such as {@code contact.course_code}. */
  public static GhlCustomFieldValue byKey(String key, Object value) {
    return new GhlCustomFieldValue(null, key, value);
  }
}

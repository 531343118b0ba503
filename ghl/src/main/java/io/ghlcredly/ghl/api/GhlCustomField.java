package io.ghlcredly.ghl.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * A custom field value on the read side: {@code {id, value}}. The value is a string, number, array
 * or object depending on the field type, hence the raw node. (The write side uses {@code {id|key,
 * field_value}}, a different shape.)
 */
public record GhlCustomField(@Nullable String id, @Nullable JsonNode value) {}

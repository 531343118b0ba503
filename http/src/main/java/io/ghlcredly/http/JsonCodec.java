package io.ghlcredly.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * JSON for wire DTOs: unknown properties ignored (providers add fields at any time), nulls not
 * written (HighLevel rejects properties it does not expect), java.time as ISO-8601. Thread-safe.
 */
public final class JsonCodec {
  private final ObjectMapper mapper;

  public JsonCodec() {
    this.mapper =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setDefaultPropertyInclusion(
                JsonInclude.Value.construct(
                    JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
  }

  public String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write JSON for " + value.getClass().getSimpleName(), e);
    }
  }

  public <T> T read(String json, Class<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read JSON as " + type.getSimpleName(), e);
    }
  }

  public JsonNode tree(String json) {
    try {
      return mapper.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read JSON", e);
    }
  }

  /**
   * The body as a JSON tree, or empty when it is blank or not JSON (error bodies often are not).
   */
  public Optional<JsonNode> findTree(String body) {
    if (body.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(mapper.readTree(body));
    } catch (IOException notJson) {
      return Optional.empty();
    }
  }

  public ObjectMapper mapper() {
    return mapper;
  }
}

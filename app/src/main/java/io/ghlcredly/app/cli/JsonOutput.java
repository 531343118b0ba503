package io.ghlcredly.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Machine-readable output of operator commands: pretty JSON, instants as ISO-8601 text. */
final class JsonOutput {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonOutput() {}

  /** Prints maps, lists, strings, numbers and booleans as JSON. */
  static void print(PrintWriter out, Object value) {
    try {
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An instant as ISO-8601 text; null stays null. */
  static @Nullable String time(@Nullable Instant instant) {
    return instant == null ? null : instant.toString();
  }
}

package io.ghlcredly.core.template;

import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * {@code value | date('yyyy-MM-dd')}: reads the dates GHL sends (ISO-8601 instants, offset
 * date-times, local date-times taken as UTC, plain {@code yyyy-MM-dd} dates) and formats them in
 * UTC. Replaces Pebble's own {@code date} filter, which reads {@code java.util.Date} and the JVM's
 * time zone. Thread-safe: formatters are cached per pattern.
 */
final class UtcDateFilter implements Filter {
  static final String NAME = "date";
  static final String FORMAT = "format";
  static final String DEFAULT_PATTERN = "yyyy-MM-dd";

  private final Map<String, DateTimeFormatter> formatters = new ConcurrentHashMap<>();

  @Override
  public List<String> getArgumentNames() {
    return List.of(FORMAT);
  }

  @Override
  public @Nullable Object apply(
      @Nullable Object input,
      Map<String, Object> args,
      PebbleTemplate self,
      EvaluationContext context,
      int lineNumber) {
    if (input == null || input.toString().isBlank()) {
      return null; // absent stays absent, so `default` still works after it
    }
    Object format = args.get(FORMAT);
    String pattern = format == null ? DEFAULT_PATTERN : format.toString();
    return formatter(pattern).format(parse(input.toString().strip(), lineNumber));
  }

  /**
   * The formatter for a pattern, in UTC and English.
   *
   * @throws IllegalArgumentException when the pattern is invalid
   */
  DateTimeFormatter formatter(String pattern) {
    return formatters.computeIfAbsent(
        pattern, key -> DateTimeFormatter.ofPattern(key, Locale.ENGLISH).withZone(ZoneOffset.UTC));
  }

  @SuppressWarnings("UnusedException") // its message quotes the text: personal data
  static ZonedDateTime parse(String text, int lineNumber) {
    try {
      if (text.length() == DEFAULT_PATTERN.length()) {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC);
      }
      if (text.endsWith("Z") || text.endsWith("z")) {
        return Instant.parse(text.toUpperCase(Locale.ROOT)).atZone(ZoneOffset.UTC);
      }
      if (hasOffset(text)) {
        return OffsetDateTime.parse(text).atZoneSameInstant(ZoneOffset.UTC);
      }
      return LocalDateTime.parse(text).atZone(ZoneOffset.UTC);
    } catch (DateTimeParseException notADate) {
      // The parser's message quotes the text, which is personal data: keep its length only.
      throw new NotADateException(text.length(), lineNumber);
    }
  }

  private static boolean hasOffset(String text) {
    int time = text.indexOf('T');
    return time > 0 && (text.indexOf('+', time) > 0 || text.indexOf('-', time) > 0);
  }
}

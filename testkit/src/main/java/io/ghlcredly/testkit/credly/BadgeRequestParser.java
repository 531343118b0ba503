package io.ghlcredly.testkit.credly;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Validates a {@code POST /badges} body the way Credly does: the required fields, then the dates.
 * Credly's date parser is lenient (credly.md §5a), so besides the documented {@code yyyy-MM-dd
 * HH:mm:ss Z} form ISO-8601 with an offset is accepted too. Thread-safe.
 */
final class BadgeRequestParser {
  private static final List<String> REQUIRED =
      List.of("recipient_email", "issued_to_first_name", "issued_to_last_name");
  private static final List<DateTimeFormatter> DATE_FORMATS =
      List.of(
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z"),
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss XXX"),
          DateTimeFormatter.ISO_OFFSET_DATE_TIME);

  Parsed parse(JsonNode body) {
    if (!body.isObject()) {
      return new Parsed.Invalid("Request body must be a JSON object");
    }
    String templateId = text(body, "badge_template_id");
    if (templateId == null) {
      // The message Credly sends for a missing template id (NCCE fixture).
      return new Parsed.Invalid("Invalid or missing Badge Template ID: ");
    }
    for (String field : REQUIRED) {
      if (text(body, field) == null) {
        return new Parsed.Invalid(field + " can't be blank");
      }
    }
    String email = require(text(body, "recipient_email"));
    if (email.indexOf('@') < 1) {
      return new Parsed.Invalid("recipient_email is invalid");
    }
    String issuedAtText = text(body, "issued_at");
    if (issuedAtText == null) {
      return new Parsed.Invalid("issued_at can't be blank");
    }
    Optional<Instant> issuedAt = parseDate(issuedAtText);
    if (issuedAt.isEmpty()) {
      return new Parsed.Invalid("issued_at is invalid: " + issuedAtText);
    }
    // expires_at: false means "never expires" (credly.md §5a).
    String expiresAtText =
        body.path("expires_at").isBoolean() && !body.path("expires_at").asBoolean()
            ? null
            : text(body, "expires_at");
    Optional<Instant> expiresAt =
        expiresAtText == null ? Optional.empty() : parseDate(expiresAtText);
    if (expiresAtText != null && expiresAt.isEmpty()) {
      return new Parsed.Invalid("expires_at is invalid: " + expiresAtText);
    }
    JsonNode evidence = body.path("evidence");
    if (!evidence.isMissingNode() && !evidence.isNull() && !evidence.isArray()) {
      return new Parsed.Invalid("evidence must be an array");
    }
    String locale = text(body, "locale");
    return new Parsed.Valid(
        new NewBadge(
            templateId,
            email,
            require(text(body, "issued_to_first_name")),
            require(text(body, "issued_to_last_name")),
            text(body, "issuer_earner_id"),
            issuedAt.get(),
            expiresAt.orElse(null),
            locale == null ? "en" : locale,
            body.path("suppress_badge_notification_email").asBoolean(false),
            evidence.isArray() ? evidence.toString() : "[]"));
  }

  static Optional<Instant> parseDate(String text) {
    for (DateTimeFormatter format : DATE_FORMATS) {
      try {
        return Optional.of(OffsetDateTime.parse(text.trim(), format).toInstant());
      } catch (DateTimeParseException tryNext) {
        // next format
      }
    }
    return Optional.empty();
  }

  /** The field as text, or null when absent, null or blank. Numbers are accepted as text. */
  private static @Nullable String text(JsonNode body, String field) {
    JsonNode value = body.path(field);
    if (!value.isValueNode() || value.isNull()) {
      return null;
    }
    String text = value.asText().trim();
    return text.isEmpty() ? null : text;
  }

  private static String require(@Nullable String value) {
    if (value == null) {
      throw new IllegalStateException("checked above");
    }
    return value;
  }

  /** A parsed body: valid, or the 422 message naming what is wrong. */
  sealed interface Parsed {
    record Valid(NewBadge badge) implements Parsed {}

    record Invalid(String message) implements Parsed {}
  }
}

package io.ghlcredly.ghl;

import com.fasterxml.jackson.databind.JsonNode;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.ghl.api.CreateContactResult;
import io.ghlcredly.http.ErrorMessageReader;
import io.ghlcredly.http.JsonCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads HighLevel's NestJS-style error bodies: {@code {"statusCode":400,"message":"..."}} and, for
 * validation failures, {@code {"statusCode":422,"message":["a","b"],"error":"..."}} (joined with
 * {@code "; "}). Token endpoint errors use {@code error_description}. Anything else yields empty.
 *
 * <p>The duplicate-contact 400 carries the existing contact in {@code meta.contactId}; the
 * transport keeps only the message, so the id is appended to it ({@code "… [existing contactId=abc
 * matchingField=email]"}) and read back by {@link #duplicateOf(String)}. Thread-safe.
 */
final class GhlErrorMessageReader implements ErrorMessageReader {
  private static final Pattern DUPLICATE =
      Pattern.compile("\\[existing contactId=([^\\s\\]]+)(?: matchingField=([^\\s\\]]+))?]");

  private final JsonCodec codec;

  GhlErrorMessageReader(JsonCodec codec) {
    this.codec = codec;
  }

  @Override
  public Optional<String> read(String body) {
    return codec
        .findTree(body)
        .filter(JsonNode::isObject)
        .flatMap(
            root ->
                text(root.get("message"))
                    .or(() -> text(root.get("error_description")))
                    .or(() -> text(root.get("error")))
                    .map(message -> message + existingContact(root)));
  }

  /** The existing contact named in a duplicate-contact message, if this is one. */
  static Optional<CreateContactResult.Duplicate> duplicateOf(String message) {
    Matcher matcher = DUPLICATE.matcher(message);
    if (!matcher.find()) {
      return Optional.empty();
    }
    return Optional.of(
        new CreateContactResult.Duplicate(new ContactId(matcher.group(1)), matcher.group(2)));
  }

  private static String existingContact(JsonNode root) {
    JsonNode meta = root.path("meta");
    String contactId = meta.path("contactId").asText("");
    if (contactId.isBlank() || !contactId.matches("[A-Za-z0-9_-]+")) {
      return "";
    }
    String field = meta.path("matchingField").asText("");
    return " [existing contactId="
        + contactId
        + (field.matches("[A-Za-z]+") ? " matchingField=" + field : "")
        + "]";
  }

  private static Optional<String> text(@Nullable JsonNode node) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (node.isArray()) {
      List<String> parts = new ArrayList<>();
      node.forEach(item -> parts.add(item.asText()));
      return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
    }
    String value = node.isValueNode() ? node.asText() : node.toString();
    return value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}

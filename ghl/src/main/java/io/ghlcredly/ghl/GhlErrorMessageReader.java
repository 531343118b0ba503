package io.ghlcredly.ghl;

import com.fasterxml.jackson.databind.JsonNode;
import io.ghlcredly.http.ErrorMessageReader;
import io.ghlcredly.http.JsonCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads HighLevel's NestJS-style error bodies: {@code {"statusCode":400,"message":"..."}} and, for
 * validation failures, {@code {"statusCode":422,"message":["a","b"],"error":"..."}} (joined with
 * {@code "; "}). Token endpoint errors use {@code error_description}. Anything else yields empty.
 * Thread-safe.
 */
final class GhlErrorMessageReader implements ErrorMessageReader {
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
                    .or(() -> text(root.get("error"))));
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

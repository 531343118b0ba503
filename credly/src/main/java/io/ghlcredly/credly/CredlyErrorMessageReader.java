package io.ghlcredly.credly;

import com.fasterxml.jackson.databind.JsonNode;
import io.ghlcredly.http.ErrorMessageReader;
import io.ghlcredly.http.JsonCodec;
import java.util.Optional;

/**
 * Reads Credly's error text from {@code {"data":{"message":"..."},"metadata":null}}; also accepts
 * {@code {"errors":[{"message":...}]}} and {@code {"message":...}}, which some write-ups show
 * (credly.md §9). A body that is not JSON gives no message. Thread-safe.
 */
final class CredlyErrorMessageReader implements ErrorMessageReader {
  private final JsonCodec codec;

  CredlyErrorMessageReader(JsonCodec codec) {
    this.codec = codec;
  }

  @Override
  public Optional<String> read(String body) {
    return codec
        .findTree(body)
        .flatMap(
            root ->
                text(root.path("data").path("message"))
                    .or(() -> text(root.path("errors").path(0).path("message")))
                    .or(() -> text(root.path("message"))));
  }

  private static Optional<String> text(JsonNode node) {
    return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
  }
}

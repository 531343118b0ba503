package io.ghlcredly.http;

import java.util.Optional;

/** Pulls the provider's human-readable message out of an error body. */
@FunctionalInterface
public interface ErrorMessageReader {
  Optional<String> read(String body);
}

package io.ghlcredly.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.ghlcredly.core.model.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Reads a secret key such as {@code token}. A secret may come from its override variable ({@code
 * GCS_CREDLY_AUTH_TOKEN}), from exactly one environment reference ({@code token: ${CREDLY_TOKEN}}),
 * or from a file ({@code token-file: /run/secrets/credly}, or {@code GCS_CREDLY_AUTH_TOKEN_FILE}).
 * A literal in the YAML is refused: config files end up in repositories and support tickets.
 * Messages never contain the secret, only where it was looked for.
 */
final class SecretReader {
  private static final long MAX_FILE_BYTES = 64 * 1024;

  private SecretReader() {}

  /** The secret, or null when it is not set or after reporting a problem with it. */
  static @Nullable Secret read(Section section, String key) {
    String fileKey = key + "-file";
    String fromEnv = section.overrideValue(key);
    String fileFromEnv = section.overrideValue(fileKey);
    JsonNode inline = section.raw(key);
    JsonNode file = section.raw(fileKey);
    if (fromEnv != null && fileFromEnv != null) {
      section.problem(
          key,
          "set either "
              + section.overrideVariable(key)
              + " or "
              + section.overrideVariable(fileKey)
              + ", not both");
      return null;
    }
    if (fromEnv != null) {
      return Secret.of(fromEnv.strip());
    }
    if (fileFromEnv != null) {
      return fromFile(section, fileKey, fileFromEnv.strip());
    }
    if (inline != null && file != null) {
      section.problem(key, "set either " + key + " or " + fileKey + ", not both");
      return null;
    }
    if (inline != null) {
      return fromReference(section, key, fileKey, inline);
    }
    if (file != null) {
      Section.Scalar scalar = section.scalarOf(section.pathOf(fileKey), file);
      return scalar == null ? null : fromFile(section, fileKey, scalar.text());
    }
    return null;
  }

  private static @Nullable Secret fromReference(
      Section section, String key, String fileKey, JsonNode inline) {
    Interpolator.Reference reference =
        inline.isTextual() ? Interpolator.singleReference(inline.asText()) : null;
    String defaultValue = reference == null ? null : reference.defaultValue();
    if (reference == null || (defaultValue != null && !defaultValue.isEmpty())) {
      section.problem(key, "inline secrets are not allowed; use ${ENV} or " + fileKey);
      return null;
    }
    Interpolator interpolator = section.context().interpolator();
    String value = interpolator.variable(reference.name());
    if (value != null) {
      return Secret.of(value.strip());
    }
    // ${NAME:-} states that the secret is optional.
    if (defaultValue == null) {
      String state = interpolator.isSet(reference.name()) ? "is empty" : "is not set";
      section.problem(key, "environment variable " + reference.name() + " " + state);
    }
    return null;
  }

  private static @Nullable Secret fromFile(Section section, String fileKey, String location) {
    Path path = ValueParsers.path(location);
    if (path == null) {
      section.problem(fileKey, "must be a file path, got '" + location + "'");
      return null;
    }
    String content;
    try {
      if (Files.size(path) > MAX_FILE_BYTES) {
        section.problem(fileKey, "secret file " + path + " is larger than 64 KiB");
        return null;
      }
      content = Files.readString(path, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      section.problem(
          fileKey, "cannot read secret file " + path + " (" + e.getClass().getSimpleName() + ")");
      return null;
    }
    if (content.isEmpty()) {
      section.problem(fileKey, "secret file " + path + " is empty");
      return null;
    }
    return Secret.of(content);
  }
}

package io.ghlcredly.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ghlcredly.core.model.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One YAML mapping being read, with its path for messages. Every read names a key, so whatever is
 * left over afterwards is an unknown key. Problems go to the shared {@link LoadContext}; the typed
 * readers then return the default, so one load reports every problem it finds.
 *
 * <p>A blank value counts as not set, so {@code ${NAME:-}} can leave a key at its default.
 */
final class Section {
  /** A scalar value after interpolation; {@code origin} names the override variable, if any. */
  record Scalar(String text, String origin) {
    String got() {
      return "got '" + text + "'" + origin;
    }
  }

  private final LoadContext context;
  private final String path;
  private final @Nullable ObjectNode node;
  private final boolean overridable;
  private final Set<String> known = new LinkedHashSet<>();

  Section(LoadContext context, String path, @Nullable ObjectNode node, boolean overridable) {
    this.context = context;
    this.path = path;
    this.node = node;
    this.overridable = overridable;
    context.register(this);
  }

  String path() {
    return path;
  }

  String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  LoadContext context() {
    return context;
  }

  void problem(String key, String reason) {
    context.problem(pathOf(key), reason);
  }

  /** The keys written in the file, in order. Does not mark them as known. */
  List<String> keys() {
    List<String> keys = new ArrayList<>();
    if (node != null) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        keys.add(field.getKey());
      }
    }
    return keys;
  }

  /** The value as written in the file; null when absent or YAML null. Marks the key as known. */
  @Nullable JsonNode raw(String key) {
    known.add(key);
    JsonNode value = node == null ? null : node.get(key);
    return value == null || value.isNull() ? null : value;
  }

  /** Whether the file writes the key with no value: {@code key:}, {@code key: ~} or {@code ""}. */
  boolean cleared(String key) {
    known.add(key);
    JsonNode value = node == null ? null : node.get(key);
    return value != null && (value.isNull() || (value.isTextual() && value.asText().isBlank()));
  }

  /** Whether the key is set, by its override variable or in the file. */
  boolean present(String key) {
    return overrideValue(key) != null || raw(key) != null;
  }

  /** {@code GCS_} and the upper-cased path, with {@code .} and {@code -} as {@code _}. */
  String overrideVariable(String key) {
    return "GCS_" + pathOf(key).toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  @Nullable String overrideValue(String key) {
    return overridable ? context.override(overrideVariable(key), pathOf(key)) : null;
  }

  /** The nested mapping; an absent one reads as empty, so defaults and overrides still apply. */
  Section child(String key) {
    JsonNode value = raw(key);
    if (value instanceof ObjectNode object) {
      return new Section(context, pathOf(key), object, overridable);
    }
    if (value != null) {
      problem(key, "must be a mapping of keys, not " + describe(value));
    }
    return new Section(context, pathOf(key), null, overridable);
  }

  /**
   * A nested mapping whose keys are data the user names (record fields, lookup tables), not
   * settings: they have no override variables. Its keys count as known only once read.
   */
  Section dataChild(String key) {
    JsonNode value = raw(key);
    if (value instanceof ObjectNode object) {
      return new Section(context, pathOf(key), object, false);
    }
    if (value != null) {
      problem(key, "must be a mapping of keys, not " + describe(value));
    }
    return new Section(context, pathOf(key), null, false);
  }

  /** The key's value when it is a scalar; null when absent, blank or invalid (problem added). */
  @Nullable Scalar scalar(String key) {
    known.add(key);
    String override = overrideValue(key);
    if (override != null) {
      return new Scalar(override.strip(), " (from " + overrideVariable(key) + ")");
    }
    JsonNode value = raw(key);
    return value == null ? null : scalarOf(pathOf(key), value);
  }

  /** A scalar read from {@code value} at {@code valuePath}, interpolated. */
  @Nullable Scalar scalarOf(String valuePath, JsonNode value) {
    if (value.isContainerNode()) {
      context.problem(valuePath, "must be a single value, not " + describe(value));
      return null;
    }
    if (!value.isTextual()) {
      return new Scalar(value.asText(), "");
    }
    Interpolator.Expansion expansion = context.interpolator().expand(value.asText());
    String text = expansion.text();
    if (text == null) {
      expansion.problems().forEach(reason -> context.problem(valuePath, reason));
      return null;
    }
    return text.isBlank() ? null : new Scalar(text.strip(), "");
  }

  @Nullable String text(String key) {
    Scalar scalar = scalar(key);
    return scalar == null ? null : scalar.text();
  }

  String text(String key, String defaultValue) {
    String text = text(key);
    return text == null ? defaultValue : text;
  }

  /** The value, or the empty string after reporting that it is required. */
  String requiredText(String key, String hint) {
    int before = context.problemCount();
    String text = text(key);
    if (text == null) {
      if (context.problemCount() == before) {
        problem(key, "is required" + hint);
      }
      return "";
    }
    return text;
  }

  int integer(String key, int defaultValue, int min, int max) {
    Integer value =
        parsed(
            key,
            text -> ValueParsers.integer(text, min, max),
            "must be an integer between " + min + " and " + max);
    return value == null ? defaultValue : value;
  }

  /** An integer between {@code min} and {@code max}, or null when not set. */
  @Nullable Integer optionalInteger(String key, int min, int max) {
    return parsed(
        key,
        text -> ValueParsers.integer(text, min, max),
        "must be an integer between " + min + " and " + max);
  }

  /** A host name or IP address to bind, or {@code defaultValue} when not set. */
  String host(String key, String defaultValue) {
    String value =
        parsed(
            key,
            ValueParsers::host,
            "must be an IP address (0.0.0.0 for every interface, 127.0.0.1 for this machine"
                + " only) or a host name");
    return value == null ? defaultValue : value;
  }

  long bytes(String key, long defaultValue, long min, long max) {
    Long value =
        parsed(
            key,
            text -> ValueParsers.bytes(text, min, max),
            "must be a size between " + min + " and " + max + " bytes (units: KiB, MiB)");
    return value == null ? defaultValue : value;
  }

  /** A fraction above 0 and at most 1, such as 0.2. */
  double share(String key, double defaultValue) {
    Double value =
        parsed(key, ValueParsers::share, "must be a number above 0 and at most 1, such as 0.2");
    return value == null ? defaultValue : value;
  }

  boolean bool(String key, boolean defaultValue) {
    Boolean value = parsed(key, ValueParsers::bool, "must be true or false");
    return value == null ? defaultValue : value;
  }

  Duration duration(String key, Duration defaultValue, Duration min, Duration max) {
    Duration value =
        parsed(
            key,
            text -> ValueParsers.duration(text, min, max),
            "must be a duration between "
                + DurationText.format(min)
                + " and "
                + DurationText.format(max)
                + ", such as 500ms, 30s, 5m, 2h or 7d");
    return value == null ? defaultValue : value;
  }

  /** An absolute http(s) URL, or null when not set. */
  @Nullable URI url(String key) {
    return parsed(key, ValueParsers::url, "must be an absolute http(s) URL");
  }

  Path path(String key, Path defaultValue) {
    Path value = parsed(key, ValueParsers::path, "must be a file path");
    return value == null ? defaultValue : value;
  }

  /**
   * One of the enum's constants, written in kebab case; the default when not set, null after a
   * problem (an invalid value, or a missing one without default).
   */
  <E extends Enum<E>> @Nullable E choice(String key, Class<E> type, @Nullable E defaultValue) {
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      names.add(ValueParsers.yamlName(constant));
    }
    String oneOf = String.join(", ", names);
    int before = context.problemCount();
    E value = parsed(key, text -> ValueParsers.choice(text, type), "must be one of " + oneOf);
    if (value == null && defaultValue == null && context.problemCount() == before) {
      problem(key, "is required (one of " + oneOf + ")");
    }
    return value == null && context.problemCount() == before ? defaultValue : value;
  }

  /** The parsed value; null when not set, or after reporting a value the parser refused. */
  private <T> @Nullable T parsed(
      String key, Function<String, @Nullable T> parser, String expectation) {
    Scalar scalar = scalar(key);
    if (scalar == null) {
      return null;
    }
    T value = parser.apply(scalar.text());
    if (value == null) {
      problem(key, expectation + ", " + scalar.got());
    }
    return value;
  }

  /** A list of scalars; empty when not set. Lists have no override variables. */
  List<String> texts(String key) {
    JsonNode value = raw(key);
    List<String> texts = new ArrayList<>();
    if (value == null) {
      return texts;
    }
    if (!value.isArray()) {
      problem(key, "must be a list, not " + describe(value));
      return texts;
    }
    for (int index = 0; index < value.size(); index++) {
      String itemPath = pathOf(key) + "[" + index + "]";
      int before = context.problemCount();
      Scalar scalar = scalarOf(itemPath, value.get(index));
      if (scalar != null) {
        texts.add(scalar.text());
      } else if (context.problemCount() == before) {
        context.problem(itemPath, "must not be blank");
      }
    }
    return texts;
  }

  /** The mappings of a list (rules, actions), each a section without override variables. */
  List<Section> sections(String key) {
    JsonNode value = raw(key);
    List<Section> sections = new ArrayList<>();
    if (value == null) {
      return sections;
    }
    if (!value.isArray()) {
      problem(key, "must be a list, not " + describe(value));
      return sections;
    }
    for (int index = 0; index < value.size(); index++) {
      String itemPath = pathOf(key) + "[" + index + "]";
      if (value.get(index) instanceof ObjectNode object) {
        sections.add(new Section(context, itemPath, object, false));
      } else {
        context.problem(itemPath, "must be a mapping of keys, not " + describe(value.get(index)));
      }
    }
    return sections;
  }

  /** Secret from the environment or a {@code <key>-file}; see {@link SecretReader}. */
  @Nullable Secret secret(String key) {
    return SecretReader.read(this, key);
  }

  /** Like {@link #secret}, reporting a missing secret as required. */
  @Nullable Secret requiredSecret(String key) {
    int before = context.problemCount();
    Secret secret = SecretReader.read(this, key);
    if (secret == null && context.problemCount() == before) {
      problem(key, "is required: set " + key + ": ${ENV_VAR} or " + key + "-file: <path>");
    }
    return secret;
  }

  /** A key from the product plan that this version cannot honour yet: refuse, never ignore. */
  void notSupported(String key, String what) {
    if (raw(key) != null) {
      problem(key, "not supported yet: " + what);
    }
  }

  /** Marks a key as read by a caller that reported any problem with it itself. */
  void markKnown(String key) {
    known.add(key);
  }

  void reportUnknownKeys() {
    for (String key : keys()) {
      if (!known.contains(key)) {
        problem(key, "unknown key" + KeySuggestions.hint(key, known));
      }
    }
  }

  static String describe(JsonNode value) {
    if (value.isArray()) {
      return "a list";
    }
    if (value.isObject()) {
      return "a mapping";
    }
    return "'" + value.asText() + "'";
  }
}

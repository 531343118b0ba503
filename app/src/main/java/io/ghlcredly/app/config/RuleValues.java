package io.ghlcredly.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.ghlcredly.core.model.BadgeTemplateId;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The value forms rule kinds share: short or long form, flags, template ids. */
final class RuleValues {
  private RuleValues() {}

  /**
   * Where the main value of a kind is: {@code kind: value} (short form) keeps it at {@code kind};
   * {@code kind: { mainKey: value, … }} moves it to {@code mainKey} of the nested mapping.
   *
   * @param isLong whether the long form was written (only then may other keys follow)
   */
  record Slot(Section section, String key, boolean isLong) {}

  static Slot slot(Section item, String kind, String mainKey) {
    JsonNode value = item.raw(kind);
    if (value != null && value.isObject()) {
      return new Slot(item.child(kind), mainKey, true);
    }
    return new Slot(item, kind, false);
  }

  /**
   * A kind without parameters: {@code kind: {}}, {@code kind: true} or just {@code kind:}. Returns
   * false after reporting any other value.
   */
  static boolean flag(Section item, String kind) {
    JsonNode value = item.raw(kind);
    if (value == null || (value.isBoolean() && value.booleanValue())) {
      return true;
    }
    if (value.isObject()) {
      Section details = item.child(kind);
      int before = item.context().problemCount();
      details.keys().forEach(key -> details.problem(key, "unknown key (" + kind + " takes none)"));
      details.keys().forEach(details::markKnown);
      return item.context().problemCount() == before;
    }
    item.problem(kind, "takes no value: write " + kind + ": {} , not " + Section.describe(value));
    return false;
  }

  /** A Credly badge template id, lower-cased; null when absent or invalid (problem reported). */
  static @Nullable BadgeTemplateId templateId(Section section, String key, boolean required) {
    String text =
        required
            ? section.requiredText(key, " (a Credly badge template UUID)")
            : section.text(key, "");
    if (text.isEmpty()) {
      return null;
    }
    if (!CredlyConfig.UUID.matcher(text).matches()) {
      section.problem(key, "must be a Credly badge template UUID, got '" + text + "'");
      return null;
    }
    return new BadgeTemplateId(text.toLowerCase(Locale.ROOT));
  }

  /** The nested mapping of a kind that has no short form; null after reporting another value. */
  static @Nullable Section longForm(Section item, String kind, String example) {
    JsonNode value = item.raw(kind);
    if (value == null || !value.isObject()) {
      item.problem(
          kind,
          "must be a mapping such as "
              + example
              + ", not "
              + (value == null ? "nothing" : Section.describe(value)));
      return null;
    }
    return item.child(kind);
  }
}

package io.ghlcredly.core.template;

import io.pebbletemplates.pebble.attributes.AttributeResolver;
import io.pebbletemplates.pebble.attributes.ResolvedAttribute;
import io.pebbletemplates.pebble.node.ArgumentsNode;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Resolves {@code a.b} and {@code a[0]} on maps and lists only and answers "absent" for everything
 * else, so Pebble never falls back to reflection on Java objects (no {@code getClass}, no {@code
 * String.bytes}). Stateless, so thread-safe.
 */
final class MapOnlyAttributeResolver implements AttributeResolver {
  private static final ResolvedAttribute ABSENT = new ResolvedAttribute(null);

  @Override
  public ResolvedAttribute resolve(
      @Nullable Object instance,
      @Nullable Object attributeName,
      Object @Nullable [] argumentValues,
      @Nullable ArgumentsNode args,
      @Nullable EvaluationContextImpl context,
      @Nullable String filename,
      int lineNumber) {
    if (argumentValues != null || attributeName == null) {
      return ABSENT; // a method call: never allowed
    }
    if (instance instanceof Map<?, ?> map) {
      Object value = map.get(attributeName.toString());
      return value == null ? ABSENT : new ResolvedAttribute(value);
    }
    if (instance instanceof List<?> list) {
      return element(list, attributeName);
    }
    return ABSENT;
  }

  private static ResolvedAttribute element(List<?> list, Object attributeName) {
    int index;
    if (attributeName instanceof Number number) {
      index = number.intValue();
    } else {
      try {
        index = Integer.parseInt(attributeName.toString());
      } catch (NumberFormatException notAnIndex) {
        return ABSENT;
      }
    }
    if (index < 0 || index >= list.size()) {
      return ABSENT;
    }
    Object value = list.get(index);
    return value == null ? ABSENT : new ResolvedAttribute(value);
  }
}

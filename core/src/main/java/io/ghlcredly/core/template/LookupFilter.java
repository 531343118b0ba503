package io.ghlcredly.core.template;

import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code value | lookup('table')}: maps a value through a lookup table of the configuration; a
 * value the table does not hold passes through unchanged. The compiler has already checked the
 * table name. Immutable.
 */
final class LookupFilter implements Filter {
  static final String NAME = "lookup";
  static final String TABLE = "table";

  private final Map<String, Map<String, String>> tables;

  LookupFilter(Map<String, Map<String, String>> tables) {
    this.tables = tables;
  }

  @Override
  public List<String> getArgumentNames() {
    return List.of(TABLE);
  }

  @Override
  public @Nullable Object apply(
      @Nullable Object input,
      Map<String, Object> args,
      PebbleTemplate self,
      EvaluationContext context,
      int lineNumber) {
    if (input == null) {
      return null;
    }
    Map<String, String> table = tables.getOrDefault(String.valueOf(args.get(TABLE)), Map.of());
    String value = input.toString();
    return table.getOrDefault(value, value);
  }
}

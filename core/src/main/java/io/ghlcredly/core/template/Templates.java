package io.ghlcredly.core.template;

import java.util.Map;
import java.util.Set;

/** Where template compilers come from. */
public final class Templates {
  private static final Set<String> KNOWN_ROOTS =
      Set.of("contact", "badge", "task", "note", "rule", "now");

  private Templates() {}

  /**
   * A compiler whose {@code lookup('<table>')} filter reads the given tables. The compiler is
   * thread-safe and keeps its own copy of the tables.
   *
   * @param lookups lookup tables by name: value in → value out
   */
  public static TemplateCompiler compiler(Map<String, Map<String, String>> lookups) {
    return new PebbleTemplateCompiler(lookups);
  }

  /**
   * The first segment of every variable a template can read ({@code contact}, {@code badge}, {@code
   * task}, {@code note}, {@code rule}, {@code now}): what a configuration check compares the roots
   * of {@link Template#variables()} against.
   */
  public static Set<String> knownRoots() {
    return KNOWN_ROOTS;
  }
}

package io.ghlcredly.app.config;

import io.ghlcredly.core.template.Template;
import io.ghlcredly.core.template.TemplateCompiler;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads template values: compiles them and checks that every variable they read exists where they
 * are used. Problems are reported at the template's path. The compiler is made on first use, so a
 * file without templates needs none. Not thread-safe (one load).
 */
final class TemplateReader {
  private final Supplier<TemplateCompiler> factory;
  private @Nullable TemplateCompiler compiler;

  TemplateReader(Supplier<TemplateCompiler> factory) {
    this.factory = factory;
  }

  /** The key's template; null when absent, blank or invalid (problem reported). */
  @Nullable Template optional(Section section, String key, TemplateScope scope) {
    String text = section.text(key);
    return text == null ? null : compile(section, key, text, scope);
  }

  /** Like {@link #optional}, reporting an absent value as required. */
  @Nullable Template required(Section section, String key, String hint, TemplateScope scope) {
    int before = section.context().problemCount();
    String text = section.requiredText(key, hint);
    return section.context().problemCount() > before ? null : compile(section, key, text, scope);
  }

  /** {@code text}, read from {@code key} of {@code section}, compiled and checked. */
  @Nullable Template compile(Section section, String key, String text, TemplateScope scope) {
    Template template;
    try {
      template = compiler().compile(text);
    } catch (IllegalArgumentException e) {
      section.problem(key, "invalid template: " + e.getMessage());
      return null;
    }
    boolean valid = true;
    for (String variable : new TreeSet<>(Set.copyOf(template.variables()))) {
      String problem = scope.problem(variable);
      if (problem != null) {
        section.problem(key, problem);
        valid = false;
      }
    }
    return valid ? template : null;
  }

  private TemplateCompiler compiler() {
    TemplateCompiler made = compiler;
    if (made == null) {
      made = factory.get();
      compiler = made;
    }
    return made;
  }
}

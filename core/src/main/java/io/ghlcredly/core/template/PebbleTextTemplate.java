package io.ghlcredly.core.template;

import io.ghlcredly.core.error.MappingException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A template compiled by Pebble. Immutable and thread-safe (Pebble templates are). */
final class PebbleTextTemplate implements Template {
  private static final String NO_RULE = "(none)";

  private final String source;
  private final PebbleTemplate compiled;
  private final Set<String> variables;
  private final List<String> dateInputs;

  PebbleTextTemplate(String source, PebbleTemplate compiled, TemplateAnalyzer.Analysis analysis) {
    this.source = source;
    this.compiled = compiled;
    this.variables = analysis.variables();
    this.dateInputs = analysis.dateInputs();
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public String render(TemplateModel model) {
    StringWriter out = new StringWriter(Math.max(16, source.length() * 2));
    try {
      compiled.evaluate(out, TemplateContext.of(model), Locale.ENGLISH);
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible); // a StringWriter does not fail
    } catch (RuntimeException error) {
      throw mappingError(model, error);
    }
    return out.toString();
  }

  @Override
  public Set<String> variables() {
    return variables;
  }

  @Override
  public String toString() {
    return source;
  }

  private MappingException mappingError(TemplateModel model, RuntimeException error) {
    String ruleId = model.ruleId() == null ? NO_RULE : model.ruleId();
    NotADateException notADate = find(error);
    if (notADate != null) {
      return new MappingException(
          ruleId,
          "template "
              + dateVariable()
              + " at line "
              + notADate.line()
              + ": text of "
              + notADate.length()
              + " characters is no date");
    }
    // Pebble's messages may quote values (personal data): name the kind of failure only.
    Integer line = error instanceof PebbleException pebble ? pebble.getLineNumber() : null;
    return new MappingException(
        ruleId,
        "template could not be rendered"
            + (line == null ? "" : " at line " + line)
            + ": "
            + error.getClass().getSimpleName());
  }

  private String dateVariable() {
    return switch (dateInputs.size()) {
      case 0 -> "date value";
      case 1 -> dateInputs.getFirst();
      default -> "date value (one of " + String.join(", ", dateInputs) + ")";
    };
  }

  private static @org.jspecify.annotations.Nullable NotADateException find(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof NotADateException notADate) {
        return notADate;
      }
    }
    return null;
  }
}

package io.ghlcredly.core.template;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.core.DisallowExtensionCustomizerBuilder;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.node.RootNode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Compiles templates with Pebble, set up for plain text: no auto-escaping, templates from strings
 * only, no tags but {@code if} and {@code verbatim} (so no include, import, macro or extends), no
 * functions, and attribute access on maps and lists only. Thread-safe; the engine is shared by all
 * templates it compiled.
 */
final class PebbleTemplateCompiler implements TemplateCompiler {
  /** Every Pebble tag we leave out: they load other templates, define code or change state. */
  private static final List<String> DISALLOWED_TAGS =
      List.of(
          "autoescape",
          "block",
          "cache",
          "embed",
          "extends",
          "filter",
          "flush",
          "for",
          "from",
          "import",
          "include",
          "macro",
          "parallel",
          "set");

  private static final List<String> DISALLOWED_FUNCTIONS =
      List.of("block", "i18n", "max", "min", "parent", "range");

  /** Bounds what one render can produce, whatever a template does. */
  private static final int MAX_RENDERED_CHARS = 1 << 20;

  private final Map<String, Map<String, String>> lookups;
  private final UtcDateFilter dateFilter = new UtcDateFilter();
  private final TemplateExtension extension;
  private final PebbleEngine engine;

  PebbleTemplateCompiler(Map<String, Map<String, String>> lookups) {
    Map<String, Map<String, String>> copy = new HashMap<>();
    lookups.forEach((name, table) -> copy.put(name, Map.copyOf(table)));
    this.lookups = Map.copyOf(copy);
    this.extension = new TemplateExtension(this.lookups, dateFilter);
    this.engine =
        new PebbleEngine.Builder()
            .loader(new StringLoader())
            .autoEscaping(false)
            .strictVariables(false)
            .cacheActive(false)
            .defaultLocale(Locale.ENGLISH)
            .maxRenderedSize(MAX_RENDERED_CHARS)
            .methodAccessValidator((object, method) -> false)
            .extension(extension)
            .registerExtensionCustomizer(
                new DisallowExtensionCustomizerBuilder()
                    .disallowedTokenParserTags(DISALLOWED_TAGS)
                    .disallowedFunctionKeys(DISALLOWED_FUNCTIONS)
                    .build())
            .build();
  }

  @Override
  public Template compile(String source) {
    try {
      var pebbleTemplate = engine.getLiteralTemplate(source);
      RootNode root = TemplateExtension.takeLastParsed();
      if (root == null) {
        throw new IllegalStateException("Pebble parsed a template without visiting it");
      }
      TemplateAnalyzer.Analysis analysis =
          new TemplateAnalyzer(engine.getExtensionRegistry(), lookups, dateFilter).analyze(root);
      return new PebbleTextTemplate(source, pebbleTemplate, analysis);
    } catch (PebbleException error) {
      throw problem(source, readable(error.getPebbleMessage()), error.getLineNumber());
    } catch (TemplateAnalyzer.TemplateProblem error) {
      throw problem(source, error.getMessage(), error.line());
    } finally {
      TemplateExtension.takeLastParsed();
    }
  }

  private static IllegalArgumentException problem(
      String source, @Nullable String message, @Nullable Integer line) {
    String where = line == null || line < 1 ? "" : " at line " + line;
    return new IllegalArgumentException("template " + quote(source) + where + ": " + message);
  }

  /** Pebble marks the end of the text with a NUL character, and names it when it runs into it. */
  private static @Nullable String readable(@Nullable String pebbleMessage) {
    return pebbleMessage == null
        ? null
        : pebbleMessage.replace(
            "[\u0000]", "end of template (an unclosed {{ or {%: is a }} or %} missing?)");
  }

  /** The template in quotes, shortened: a note body can be long. */
  private static String quote(String source) {
    String oneLine = source.replace("\n", "\\n");
    return "\"" + (oneLine.length() > 80 ? oneLine.substring(0, 79) + "…" : oneLine) + "\"";
  }
}

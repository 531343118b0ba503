package io.ghlcredly.web.admin;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the dashboard's Pebble templates ({@code *.peb} next to this class). Autoescaping is on
 * (HTML strategy), so every value written with {@code {{ }}} is escaped; strict variables make a
 * misspelt name fail the render instead of showing nothing. Thread-safe.
 */
final class Pages {
  private final PebbleEngine engine;

  Pages() {
    ClasspathLoader loader = new ClasspathLoader(Pages.class.getClassLoader());
    loader.setPrefix("io/ghlcredly/web/admin");
    loader.setSuffix(".peb");
    this.engine =
        new PebbleEngine.Builder()
            .loader(loader)
            .autoEscaping(true)
            .strictVariables(true)
            .defaultLocale(Locale.ENGLISH)
            .build();
  }

  String render(String template, Map<String, Object> context) {
    StringWriter out = new StringWriter();
    try {
      engine.getTemplate(template).evaluate(out, context);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render " + template, e);
    }
    return out.toString();
  }
}

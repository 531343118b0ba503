package io.ghlcredly.app.config;

import io.ghlcredly.core.template.TemplateCompiler;
import io.ghlcredly.core.template.Templates;
import java.util.Map;

/** Makes the template compiler of one load, given the lookup tables of {@code mapping.lookups}. */
@FunctionalInterface
interface TemplateCompilers {
  TemplateCompilers DEFAULT = Templates::compiler;

  TemplateCompiler compiler(Map<String, Map<String, String>> lookups);
}

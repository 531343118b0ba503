package io.ghlcredly.app.config;

import io.ghlcredly.core.template.Template;
import io.ghlcredly.core.template.TemplateModel;
import java.util.Set;

/**
 * An expected template in assertions: compiled templates print their source, so records holding
 * them compare by {@code toString()}.
 */
record SourceTemplate(String source) implements Template {
  @Override
  public String render(TemplateModel model) {
    return source;
  }

  @Override
  public Set<String> variables() {
    return Set.of();
  }

  @Override
  public String toString() {
    return source;
  }
}

package io.ghlcredly.core.template;

/** Compiles the templates of the configuration. Thread-safe. */
public interface TemplateCompiler {
  /**
   * Compiles a template.
   *
   * @throws IllegalArgumentException with a message that names the problem and where it is in the
   *     text (an unclosed &#123;&#123;, an unknown filter, an unknown lookup table)
   */
  Template compile(String source);
}

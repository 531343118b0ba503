package io.ghlcredly.core.template;

import java.util.Set;

/**
 * A compiled text template of the configuration, such as {@code "Accepted {{badge.name}}"} or
 * {@code "{{contact.email | trim | lower}}"}. Thread-safe.
 */
public interface Template {
  /** The text as written in the configuration. */
  String source();

  /**
   * Renders the template; absent values render as empty text.
   *
   * @throws io.ghlcredly.core.error.MappingException when a filter cannot handle its value (a date
   *     filter given text that is no date, say)
   */
  String render(TemplateModel model);

  /**
   * The variables the template reads, as dotted paths such as {@code contact.firstName} or {@code
   * badge.url}: what the configuration check compares against what a rule's trigger provides.
   */
  Set<String> variables();
}

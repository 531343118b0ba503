package io.ghlcredly.core.template;

import io.pebbletemplates.pebble.attributes.AttributeResolver;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.AbstractNodeVisitor;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.NodeVisitorFactory;
import io.pebbletemplates.pebble.node.RootNode;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Our additions to Pebble: the {@code lookup} and UTC {@code date} filters, the map-only attribute
 * resolver, and a visitor that hands each freshly parsed tree to the compiling thread (Pebble
 * exposes the tree of a template only to node visitors). Thread-safe.
 */
final class TemplateExtension extends AbstractExtension {
  private final Map<String, Filter> filters;
  // Compiling is synchronous: the visitor runs on the thread that asked for the template.
  private static final ThreadLocal<@Nullable RootNode> LAST_PARSED = new ThreadLocal<>();

  TemplateExtension(Map<String, Map<String, String>> lookups, UtcDateFilter dateFilter) {
    this.filters =
        Map.of(LookupFilter.NAME, new LookupFilter(lookups), UtcDateFilter.NAME, dateFilter);
  }

  @Override
  public Map<String, Filter> getFilters() {
    return filters;
  }

  @Override
  public List<AttributeResolver> getAttributeResolver() {
    return List.of(new MapOnlyAttributeResolver());
  }

  @Override
  public List<NodeVisitorFactory> getNodeVisitors() {
    return List.of(template -> new RootCapture((PebbleTemplateImpl) template));
  }

  /** The tree the current thread parsed last, cleared on reading. */
  static @Nullable RootNode takeLastParsed() {
    RootNode root = LAST_PARSED.get();
    LAST_PARSED.remove();
    return root;
  }

  private static final class RootCapture extends AbstractNodeVisitor {
    RootCapture(PebbleTemplateImpl template) {
      super(template);
    }

    @Override
    public void visit(RootNode root) {
      LAST_PARSED.set(root);
    }
  }
}

package io.ghlcredly.core.template;

import io.pebbletemplates.pebble.extension.ExtensionRegistry;
import io.pebbletemplates.pebble.node.AbstractRenderableNode;
import io.pebbletemplates.pebble.node.ArgumentsNode;
import io.pebbletemplates.pebble.node.BodyNode;
import io.pebbletemplates.pebble.node.IfNode;
import io.pebbletemplates.pebble.node.NamedArgumentNode;
import io.pebbletemplates.pebble.node.PositionalArgumentNode;
import io.pebbletemplates.pebble.node.PrintNode;
import io.pebbletemplates.pebble.node.RenderableNode;
import io.pebbletemplates.pebble.node.RootNode;
import io.pebbletemplates.pebble.node.TestInvocationExpression;
import io.pebbletemplates.pebble.node.TextNode;
import io.pebbletemplates.pebble.node.expression.ArrayExpression;
import io.pebbletemplates.pebble.node.expression.BinaryExpression;
import io.pebbletemplates.pebble.node.expression.ContextVariableExpression;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.node.expression.FilterExpression;
import io.pebbletemplates.pebble.node.expression.FilterInvocationExpression;
import io.pebbletemplates.pebble.node.expression.FunctionOrMacroInvocationExpression;
import io.pebbletemplates.pebble.node.expression.GetAttributeExpression;
import io.pebbletemplates.pebble.node.expression.LiteralBigDecimalExpression;
import io.pebbletemplates.pebble.node.expression.LiteralBooleanExpression;
import io.pebbletemplates.pebble.node.expression.LiteralDoubleExpression;
import io.pebbletemplates.pebble.node.expression.LiteralIntegerExpression;
import io.pebbletemplates.pebble.node.expression.LiteralLongExpression;
import io.pebbletemplates.pebble.node.expression.LiteralNullExpression;
import io.pebbletemplates.pebble.node.expression.LiteralStringExpression;
import io.pebbletemplates.pebble.node.expression.MapExpression;
import io.pebbletemplates.pebble.node.expression.TernaryExpression;
import io.pebbletemplates.pebble.node.expression.UnaryExpression;
import io.pebbletemplates.pebble.utils.Pair;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Walks a parsed template once: collects the dotted variable paths it reads and the variables fed
 * to {@code date}, and rejects what we do not allow (unknown filters or lookup tables, bad date
 * patterns, function and method calls). Not thread-safe: one instance per compile.
 */
final class TemplateAnalyzer {
  /** What a compile learns about a template. */
  record Analysis(Set<String> variables, List<String> dateInputs) {
    Analysis {
      variables = Set.copyOf(variables);
      dateInputs = List.copyOf(dateInputs);
    }
  }

  private final ExtensionRegistry registry;
  private final Map<String, Map<String, String>> lookups;
  private final UtcDateFilter dateFilter;
  private final Set<String> variables = new LinkedHashSet<>();
  private final List<String> dateInputs = new ArrayList<>();

  TemplateAnalyzer(
      ExtensionRegistry registry,
      Map<String, Map<String, String>> lookups,
      UtcDateFilter dateFilter) {
    this.registry = registry;
    this.lookups = lookups;
    this.dateFilter = dateFilter;
  }

  /**
   * Analyzes a parsed template.
   *
   * @throws TemplateProblem when the template uses something we do not allow
   */
  Analysis analyze(RootNode root) {
    body(root.getBody());
    return new Analysis(variables, dateInputs);
  }

  private void body(@Nullable BodyNode body) {
    if (body == null) {
      return;
    }
    for (RenderableNode child : body.getChildren()) {
      renderable(child);
    }
  }

  private void renderable(RenderableNode node) {
    switch (node) {
      case TextNode text -> {}
      case PrintNode print -> expression(print.getExpression());
      case BodyNode body -> body(body);
      case IfNode ifNode -> {
        for (Pair<Expression<?>, BodyNode> branch : ifNode.getConditionsWithBodies()) {
          expression(branch.getLeft());
          body(branch.getRight());
        }
        body(ifNode.getElseBody());
      }
      default ->
          throw new TemplateProblem(
              "tag not supported: " + node.getClass().getSimpleName(), lineOf(node));
    }
  }

  private void expression(@Nullable Expression<?> expression) {
    switch (expression) {
      case null -> {}
      case ContextVariableExpression variable -> variables.add(variable.getName());
      case GetAttributeExpression attribute -> attribute(attribute);
      case FilterExpression filter -> filter(filter);
      case BinaryExpression<?> binary -> {
        expression(binary.getLeftExpression());
        expression(binary.getRightExpression());
      }
      case UnaryExpression unary -> expression(unary.getChildExpression());
      case TernaryExpression ternary -> {
        expression(ternary.getExpression1());
        expression(ternary.getExpression2());
        expression(ternary.getExpression3());
      }
      case TestInvocationExpression test -> arguments(test.getArgs());
      case FilterInvocationExpression filter -> filterInvocation(filter, null);
      case MapExpression map ->
          map.getEntries()
              .forEach(
                  (key, value) -> {
                    expression(key);
                    expression(value);
                  });
      case ArrayExpression array -> array.getValues().forEach(this::expression);
      case FunctionOrMacroInvocationExpression function ->
          throw new TemplateProblem(
              "functions are not supported: " + function.getFunctionName() + "()",
              function.getLineNumber());
      case LiteralStringExpression literal -> {}
      case LiteralIntegerExpression literal -> {}
      case LiteralLongExpression literal -> {}
      case LiteralDoubleExpression literal -> {}
      case LiteralBigDecimalExpression literal -> {}
      case LiteralBooleanExpression literal -> {}
      case LiteralNullExpression literal -> {}
      default ->
          throw new TemplateProblem(
              "expression not supported: " + expression.getClass().getSimpleName(),
              expression.getLineNumber());
    }
  }

  private void attribute(GetAttributeExpression attribute) {
    if (attribute.getArgumentsNode() != null) {
      throw new TemplateProblem(
          "method calls are not supported: "
              + describe(attribute.getNode())
              + "."
              + describe(attribute.getAttributeNameExpression())
              + "()",
          attribute.getLineNumber());
    }
    String path = path(attribute);
    if (path != null) {
      variables.add(path);
    } else {
      expression(attribute.getNode());
      expression(attribute.getAttributeNameExpression());
    }
  }

  private void filter(FilterExpression filter) {
    expression(filter.getLeftExpression());
    if (filter.getRightExpression() instanceof FilterInvocationExpression invocation) {
      filterInvocation(invocation, filter.getLeftExpression());
    } else {
      expression(filter.getRightExpression());
    }
  }

  private void filterInvocation(FilterInvocationExpression filter, @Nullable Expression<?> input) {
    String name = filter.getFilterName();
    int line = filter.getLineNumber();
    if (registry.getFilter(name) == null) {
      throw new TemplateProblem("unknown filter '" + name + "'", line);
    }
    arguments(filter.getArgs());
    switch (name) {
      case LookupFilter.NAME -> lookup(filter, line);
      case UtcDateFilter.NAME -> date(filter, input, line);
      default -> {}
    }
  }

  private void lookup(FilterInvocationExpression filter, int line) {
    Expression<?> table = argument(filter.getArgs(), LookupFilter.TABLE);
    if (!(table instanceof LiteralStringExpression literal)) {
      throw new TemplateProblem(
          "lookup needs a table name in quotes, as in lookup('levels')", line);
    }
    if (!lookups.containsKey(literal.getValue())) {
      throw new TemplateProblem(
          "unknown lookup table '"
              + literal.getValue()
              + "'; tables: "
              + (lookups.isEmpty() ? "(none)" : String.join(", ", new TreeSet<>(lookups.keySet()))),
          line);
    }
  }

  private void date(FilterInvocationExpression filter, @Nullable Expression<?> input, int line) {
    Expression<?> format = argument(filter.getArgs(), UtcDateFilter.FORMAT);
    if (format instanceof LiteralStringExpression literal) {
      try {
        dateFilter.formatter(literal.getValue());
      } catch (IllegalArgumentException invalid) {
        throw new TemplateProblem(
            "invalid date pattern '" + literal.getValue() + "': " + invalid.getMessage(), line);
      }
    }
    String variable = input == null ? null : path(unfiltered(input));
    if (variable != null) {
      dateInputs.add(variable);
    }
  }

  private void arguments(@Nullable ArgumentsNode arguments) {
    if (arguments == null) {
      return;
    }
    if (arguments.getPositionalArgs() != null) {
      for (PositionalArgumentNode argument : arguments.getPositionalArgs()) {
        expression(argument.getValueExpression());
      }
    }
    if (arguments.getNamedArgs() != null) {
      for (NamedArgumentNode argument : arguments.getNamedArgs()) {
        expression(argument.getValueExpression());
      }
    }
  }

  /** The first positional argument, or the named one. */
  private static @Nullable Expression<?> argument(@Nullable ArgumentsNode arguments, String name) {
    if (arguments == null) {
      return null;
    }
    List<PositionalArgumentNode> positional = arguments.getPositionalArgs();
    if (positional != null && !positional.isEmpty()) {
      return positional.getFirst().getValueExpression();
    }
    List<NamedArgumentNode> named = arguments.getNamedArgs();
    if (named != null) {
      for (NamedArgumentNode argument : named) {
        if (argument.getName().equals(name)) {
          return argument.getValueExpression();
        }
      }
    }
    return null;
  }

  /** {@code contact.dateAdded | trim} → {@code contact.dateAdded}. */
  private static Expression<?> unfiltered(Expression<?> expression) {
    Expression<?> current = expression;
    while (current instanceof FilterExpression filter) {
      current = filter.getLeftExpression();
    }
    return current;
  }

  /** The dotted path of {@code a.b.c}, or null when the expression is not a plain path. */
  private static @Nullable String path(Expression<?> expression) {
    return switch (expression) {
      case ContextVariableExpression variable -> variable.getName();
      case GetAttributeExpression attribute
          when attribute.getArgumentsNode() == null
              && attribute.getAttributeNameExpression() instanceof LiteralStringExpression name -> {
        String parent = path(attribute.getNode());
        yield parent == null ? null : parent + "." + name.getValue();
      }
      default -> null;
    };
  }

  private static String describe(Expression<?> expression) {
    String path = path(expression);
    if (path != null) {
      return path;
    }
    return expression instanceof LiteralStringExpression literal ? literal.getValue() : "…";
  }

  private static int lineOf(RenderableNode node) {
    return node instanceof AbstractRenderableNode renderable ? renderable.getLineNumber() : -1;
  }

  /** A template uses something we do not allow, at a line of its text. */
  static final class TemplateProblem extends RuntimeException {
    private final int line;

    TemplateProblem(String message, int line) {
      super(message, null, false, false);
      this.line = line;
    }

    int line() {
      return line;
    }
  }
}

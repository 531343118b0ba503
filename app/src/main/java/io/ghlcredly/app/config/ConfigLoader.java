package io.ghlcredly.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ghlcredly.core.error.ConfigException;
import io.ghlcredly.core.error.ConfigException.ConfigProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads the YAML configuration file and the environment into an {@link AppConfig}, reporting every
 * problem at once, each with its YAML path ({@code credly.organization-id}, {@code
 * rules[0].when.tag-added}).
 *
 * <p>How values are resolved:
 *
 * <ul>
 *   <li>{@code ${NAME}} and {@code ${NAME:-default}} in string values read environment variables;
 *       <code>$${</code> is a literal <code>${</code>. A missing variable without default is a
 *       problem.
 *   <li>Every scalar key outside {@code mapping} and {@code rules} can be overridden by the
 *       variable {@code GCS_<PATH>}: the YAML path upper-cased, {@code .} and {@code -} as {@code
 *       _} ({@code server.port} is {@code GCS_SERVER_PORT}, {@code ghl.auth.private-token} is
 *       {@code GCS_GHL_AUTH_PRIVATE_TOKEN}). The override wins over the file and is taken
 *       literally; an empty one counts as unset. Lists have no overrides. The full list is {@link
 *       #overrideVariables()}. Because these names are reserved, an unknown {@code GCS_<SECTION>_…}
 *       variable is a problem (usually a typo).
 *   <li>Secrets ({@code server.admin-token}, {@code storage.password}, {@code
 *       ghl.auth.private-token}, {@code ghl.auth.client-secret}, {@code credly.auth.token}) come
 *       from their override, from a value that is exactly one {@code ${NAME}}, or from the file
 *       named by the {@code <key>-file} key (trailing whitespace trimmed). Inline literals are
 *       refused.
 *   <li>Relative paths are relative to the working directory.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class ConfigLoader {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final List<String> SECTIONS =
      List.of("SERVER", "STORAGE", "SECRETS", "GHL", "CREDLY", "JOBS");
  private static final List<String> OPERATOR_SECTIONS = List.of("SERVER", "STORAGE", "SECRETS");
  private static final String FILE_PATH = "(file)";

  private ConfigLoader() {}

  /**
   * Loads the configuration.
   *
   * @param env the environment, usually {@code System.getenv()}
   * @throws ConfigException listing every problem found
   */
  public static AppConfig load(Path file, Map<String, String> env) {
    LoadContext context = new LoadContext(env);
    AppConfig config = read(file, context);
    List<ConfigProblem> problems = context.finish();
    if (config == null || !problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return config;
  }

  /**
   * Loads only what operator commands that read and change our own data need ({@code server},
   * {@code storage}, {@code secrets}): the GHL and Credly sections, the jobs and the rules are not
   * read, so a missing {@code ${GHL_PRIVATE_TOKEN}} or Credly token is no problem here.
   *
   * @throws ConfigException listing every problem of those three sections
   */
  public static OperatorConfig loadOperatorConfig(Path file, Map<String, String> env) {
    LoadContext context = new LoadContext(env);
    OperatorConfig config = null;
    ObjectNode root = root(file, context);
    if (!context.hasProblems()) {
      config = ConfigBinder.bindOperator(new Section(context, "", root, true));
      reportUnknownOverrides(context, OPERATOR_SECTIONS);
    }
    List<ConfigProblem> problems = context.finish();
    if (config == null || !problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return config;
  }

  /** Every problem of the configuration, for {@code config check}; empty when it loads. */
  public static List<ConfigProblem> check(Path file, Map<String, String> env) {
    LoadContext context = new LoadContext(env);
    read(file, context);
    return context.finish();
  }

  /** Every override variable, mapped to the YAML path it sets, sorted by variable. */
  public static SortedMap<String, String> overrideVariables() {
    LoadContext context = new LoadContext(Map.of());
    ConfigBinder.bind(new Section(context, "", null, true));
    return context.overridesConsulted();
  }

  private static @Nullable AppConfig read(Path file, LoadContext context) {
    ObjectNode root = root(file, context);
    if (context.hasProblems()) {
      return null;
    }
    AppConfig config = ConfigBinder.bind(new Section(context, "", root, true));
    reportUnknownOverrides(context, SECTIONS);
    return config;
  }

  /** The top-level mapping; null for an empty file or after a problem (reported). */
  private static @Nullable ObjectNode root(Path file, LoadContext context) {
    JsonNode tree = parse(file, context);
    if (tree instanceof ObjectNode object) {
      return object;
    }
    if (tree != null && !tree.isMissingNode() && !tree.isNull()) {
      context.problem(FILE_PATH, "must be a mapping of sections (server, ghl, credly, …)");
    }
    return null;
  }

  /** The first YAML document; null after reporting why the file cannot be read. */
  private static @Nullable JsonNode parse(Path file, LoadContext context) {
    try (InputStream input = Files.newInputStream(file);
        MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(input)) {
      if (!documents.hasNextValue()) {
        return YAML.missingNode();
      }
      JsonNode first = documents.nextValue();
      if (documents.hasNextValue()) {
        context.problem(FILE_PATH, "must hold one YAML document, found more after '---'");
      }
      return first;
    } catch (JsonProcessingException e) {
      context.problem(FILE_PATH, syntaxProblem(e));
    } catch (NoSuchFileException e) {
      context.problem(FILE_PATH, "no such file: " + file.toAbsolutePath().normalize());
    } catch (IOException e) {
      context.problem(FILE_PATH, "cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
    }
    return null;
  }

  /**
   * Line, column and reason of the parser's problem (where the scanner stopped, which for a tab is
   * the tab itself, not the line the parser was on); the parser's messages never quote values.
   */
  private static String syntaxProblem(JsonProcessingException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
        Mark mark = marked.getProblemMark();
        String problem = String.valueOf(marked.getProblem());
        String context = marked.getContext();
        String reason =
            problem.contains("(TAB)") || problem.indexOf('\t') >= 0
                ? "found a tab, which YAML does not allow for indentation: indent with spaces"
                : problem + (context == null ? "" : " (" + context + ")");
        return "invalid YAML at line "
            + (mark.getLine() + 1)
            + ", column "
            + (mark.getColumn() + 1)
            + ": "
            + reason;
      }
    }
    String message = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
    JsonLocation location = e.getLocation();
    return location == null
        ? "invalid YAML: " + message
        : "invalid YAML at line "
            + location.getLineNr()
            + ", column "
            + location.getColumnNr()
            + ": "
            + message;
  }

  /**
   * A {@code GCS_<SECTION>_…} variable that is neither an override nor referenced by {@code ${…}}
   * is most likely a misspelt override, which would otherwise be ignored without a word.
   */
  private static void reportUnknownOverrides(LoadContext context, List<String> sections) {
    SortedMap<String, String> known = context.overridesConsulted();
    for (String variable : new TreeSet<>(context.environment().keySet())) {
      if (known.containsKey(variable)
          || context.interpolator().referenced(variable)
          || !variable.startsWith("GCS_")) {
        continue;
      }
      for (String section : sections) {
        if (variable.startsWith("GCS_" + section + "_")) {
          context.problem(
              variable,
              "unknown override variable" + KeySuggestions.hint(variable, known.keySet()));
          break;
        }
      }
    }
  }
}

package io.ghlcredly.app.config;

import io.ghlcredly.core.error.ConfigException.ConfigProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** State of one load: the environment, the problems found so far and the sections read. */
final class LoadContext {
  private final Map<String, String> env;
  private final Interpolator interpolator;
  private final List<ConfigProblem> problems = new ArrayList<>();
  private final List<Section> sections = new ArrayList<>();
  private final SortedMap<String, String> overrides = new TreeMap<>();

  LoadContext(Map<String, String> env) {
    this.env = Map.copyOf(env);
    this.interpolator = new Interpolator(this.env);
  }

  Map<String, String> environment() {
    return env;
  }

  Interpolator interpolator() {
    return interpolator;
  }

  /**
   * The override variable's value, or null when it is unset or blank: a blank value counts as no
   * value, as with {@code ${NAME:-default}}.
   */
  @Nullable String override(String variable, String path) {
    overrides.put(variable, path);
    String value = interpolator.variable(variable);
    return value == null || value.isBlank() ? null : value;
  }

  void problem(String path, String reason) {
    problems.add(new ConfigProblem(path, reason));
  }

  int problemCount() {
    return problems.size();
  }

  boolean hasProblems() {
    return !problems.isEmpty();
  }

  void register(Section section) {
    sections.add(section);
  }

  /** Reports unknown keys of every section read, then returns all problems. */
  List<ConfigProblem> finish() {
    for (Section section : sections) {
      section.reportUnknownKeys();
    }
    sections.clear();
    return List.copyOf(problems);
  }

  /** Every override variable consulted, mapped to its YAML path. */
  SortedMap<String, String> overridesConsulted() {
    return new TreeMap<>(overrides);
  }
}

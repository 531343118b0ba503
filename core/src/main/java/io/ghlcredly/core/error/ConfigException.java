package io.ghlcredly.core.error;

import java.util.List;

/** A configuration that cannot be used; names every problem with its YAML path. */
public final class ConfigException extends SyncException {
  private final List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    super(describe(problems), null);
    this.problems = List.copyOf(problems);
  }

  public ConfigException(String path, String reason) {
    this(List.of(new ConfigProblem(path, reason)));
  }

  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String describe(List<ConfigProblem> problems) {
    StringBuilder text = new StringBuilder("invalid configuration:");
    for (ConfigProblem problem : problems) {
      text.append("\n  ").append(problem);
    }
    return text.toString();
  }

  /** One problem: where in the YAML file, and why. */
  public record ConfigProblem(String path, String reason) {
    @Override
    public String toString() {
      return path + ": " + reason;
    }
  }
}

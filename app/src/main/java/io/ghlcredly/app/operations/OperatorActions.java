package io.ghlcredly.app.operations;

import io.ghlcredly.core.model.Operator;
import io.ghlcredly.web.operators.OperatorCommands;
import io.ghlcredly.web.operators.OperatorCommands.Outcome;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code operators} commands do, on the database ({@link #of}) or through a running
 * service's admin API; either answers the same {@link Outcome}s, which the command prints.
 */
public interface OperatorActions {
  List<Operator> list();

  Outcome add(String email, String role, @Nullable String name);

  Outcome role(String email, String role);

  Outcome disable(String email);

  Outcome enable(String email);

  Outcome reset(String email);

  /** The commands run here, recorded as made by {@code by}. */
  static OperatorActions of(OperatorCommands commands, String by) {
    return new OperatorActions() {
      @Override
      public List<Operator> list() {
        return commands.list();
      }

      @Override
      public Outcome add(String email, String role, @Nullable String name) {
        return commands.add(email, role, name, by);
      }

      @Override
      public Outcome role(String email, String role) {
        return commands.role(email, role, by);
      }

      @Override
      public Outcome disable(String email) {
        return commands.disable(email, by);
      }

      @Override
      public Outcome enable(String email) {
        return commands.enable(email, by);
      }

      @Override
      public Outcome reset(String email) {
        return commands.reset(email, by);
      }
    };
  }
}

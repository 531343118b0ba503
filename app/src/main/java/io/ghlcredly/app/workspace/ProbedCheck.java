package io.ghlcredly.app.workspace;

import io.ghlcredly.app.metrics.ReadinessCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A readiness check of the implicit workspace with the upstream probe's finding added: {@code
 * credlyToken} also fails while Credly refuses the token, {@code ghlAccounts} while GHL refuses the
 * private token. Same name and criticality as the check it extends.
 */
public final class ProbedCheck implements ReadinessCheck {
  private final ReadinessCheck base;
  private final Supplier<Optional<String>> probed;

  public ProbedCheck(ReadinessCheck base, Supplier<Optional<String>> probed) {
    this.base = base;
    this.probed = probed;
  }

  /**
   * The advisory check {@code upstreams}: an upstream that did not answer (or answered an error
   * other than a refusal) is reported, but the service stays ready, since its work waits and is
   * retried; taking it off the load balancer would only lose webhooks.
   */
  public static ReadinessCheck unavailable(UpstreamProbe probe) {
    return new ReadinessCheck() {
      @Override
      public String name() {
        return "upstreams";
      }

      @Override
      public Optional<String> problem() {
        List<String> problems = probe.unavailable();
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
      }

      @Override
      public boolean critical() {
        return false;
      }
    };
  }

  @Override
  public String name() {
    return base.name();
  }

  @Override
  public Optional<String> problem() {
    List<String> problems = new ArrayList<>();
    base.problem().ifPresent(problems::add);
    probed.get().ifPresent(problems::add);
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
  }

  @Override
  public boolean critical() {
    return base.critical();
  }
}

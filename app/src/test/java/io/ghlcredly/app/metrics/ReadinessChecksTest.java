package io.ghlcredly.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ReadinessChecksTest {
  @Test
  void reportsEachCheckInOrderWithItsProblem() {
    ReadinessChecks checks =
        new ReadinessChecks(
            List.of(
                check("database", Optional.empty()), check("credlyToken", Optional.of("expired"))),
            Duration.ofSeconds(5));

    Map<String, Optional<String>> results = checks.run();

    assertThat(results)
        .containsExactly(
            Map.entry("database", Optional.empty()),
            Map.entry("credlyToken", Optional.of("expired")));
  }

  @Test
  void failsACheckThatThrowsWithoutRepeatingItsMessage() {
    ReadinessCheck throwing =
        new ReadinessCheck() {
          @Override
          public String name() {
            return "ghlAccounts";
          }

          @Override
          public Optional<String> problem() {
            throw new IllegalStateException("jdbc:postgresql://secret-host/db refused");
          }
        };

    Map<String, Optional<String>> results =
        new ReadinessChecks(List.of(throwing), Duration.ofSeconds(5)).run();

    assertThat(results.get("ghlAccounts")).hasValue("check failed: IllegalStateException");
  }

  @Test
  void failsACheckThatDoesNotAnswerInTime() {
    CountDownLatch never = new CountDownLatch(1);
    ReadinessCheck hanging =
        new ReadinessCheck() {
          @Override
          public String name() {
            return "database";
          }

          @Override
          public Optional<String> problem() {
            try {
              never.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return Optional.empty();
          }
        };

    Map<String, Optional<String>> results =
        new ReadinessChecks(
                List.of(hanging, check("credlyToken", Optional.empty())), Duration.ofMillis(100))
            .run();
    never.countDown();

    assertThat(results.get("database")).hasValue("no answer within 100 ms");
    assertThat(results.get("credlyToken")).isEmpty();
  }

  private static ReadinessCheck check(String name, Optional<String> problem) {
    return new ReadinessCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Optional<String> problem() {
        return problem;
      }
    };
  }
}

package io.ghlcredly.web.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ghlcredly.core.model.Operator;
import io.ghlcredly.core.model.OperatorRole;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

class SignInTest extends OperatorFixture {
  private final Logger logger = (Logger) LoggerFactory.getLogger(SignIn.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void recordLogs() {
    logged.start();
    logger.addAppender(logged);
  }

  @AfterEach
  void stopRecordingLogs() {
    logger.detachAppender(logged);
  }

  @Test
  void signsInWithTheRightPasswordInAnyCaseOfTheEmail() {
    Operator ada = active("ada@example.com", OperatorRole.EDITOR);

    assertThat(services.signIn().signIn("Ada@Example.com ", PASSWORD, ADDRESS))
        .isEqualTo(new SignInResult.SignedIn(ada));
    assertThat(services.signIn().signIn("ada@example.com", PASSWORD + "!", ADDRESS))
        .isEqualTo(new SignInResult.Wrong());
  }

  @Test
  void checksAPasswordEvenForAnUnknownEmail() {
    active("ada@example.com", OperatorRole.EDITOR);
    checks.set(0);

    SignInResult unknown = services.signIn().signIn("nobody@example.com", PASSWORD, ADDRESS);

    assertThat(unknown).isEqualTo(new SignInResult.Wrong());
    assertThat(checks).as("Argon2 checks run").hasValue(1);
  }

  @Test
  void anInvitedOperatorHasNoPasswordYetAndADisabledOneIsToldOnlyWithTheRightPassword() {
    active("ada@example.com", OperatorRole.ADMIN);
    invited("bob@example.com", OperatorRole.VIEWER);
    Operator carol = active("carol@example.com", OperatorRole.EDITOR);
    services.operators().disable(carol.id(), "ada@example.com");
    checks.set(0);

    assertThat(services.signIn().signIn("bob@example.com", PASSWORD, ADDRESS))
        .isEqualTo(new SignInResult.NoPasswordYet());
    assertThat(services.signIn().signIn("carol@example.com", "a wrong password", ADDRESS))
        .isEqualTo(new SignInResult.Wrong());
    assertThat(services.signIn().signIn("carol@example.com", PASSWORD, ADDRESS))
        .isEqualTo(new SignInResult.Disabled());
    assertThat(checks).hasValue(3);
  }

  @Test
  void throttlesAnAccountAfterFiveFailuresUntilTheWindowEnds() {
    Operator ada = active("ada@example.com", OperatorRole.EDITOR);
    for (int i = 0; i < 5; i++) {
      assertThat(services.signIn().signIn("ada@example.com", "wrong password " + i, ADDRESS))
          .isEqualTo(new SignInResult.Wrong());
      clock.advance(Duration.ofMinutes(1));
    }
    checks.set(0);

    SignInResult sixth = services.signIn().signIn("ada@example.com", PASSWORD, ADDRESS);
    SignInResult otherAddress =
        services.signIn().signIn("ada@example.com", PASSWORD, "198.51.100.1");
    clock.advance(Duration.ofMinutes(10).minusSeconds(1));
    SignInResult justBefore = services.signIn().signIn("ada@example.com", PASSWORD, ADDRESS);
    clock.advance(Duration.ofSeconds(1));
    SignInResult after = services.signIn().signIn("ada@example.com", PASSWORD, ADDRESS);

    assertThat(sixth).isEqualTo(new SignInResult.Throttled(Duration.ofMinutes(10)));
    assertThat(otherAddress).isEqualTo(new SignInResult.Throttled(Duration.ofMinutes(10)));
    assertThat(justBefore).isEqualTo(new SignInResult.Throttled(Duration.ofSeconds(1)));
    assertThat(checks).as("no password checked while throttled").hasValue(1);
    assertThat(after).isEqualTo(new SignInResult.SignedIn(ada));
  }

  @Test
  void successesDoNotCountAsFailures() {
    Operator ada = active("ada@example.com", OperatorRole.EDITOR);
    for (int i = 0; i < 4; i++) {
      services.signIn().signIn("ada@example.com", "wrong password " + i, ADDRESS);
    }
    for (int i = 0; i < 10; i++) {
      assertThat(services.signIn().signIn("ada@example.com", PASSWORD, ADDRESS))
          .isEqualTo(new SignInResult.SignedIn(ada));
    }

    assertThat(services.signIn().signIn("ada@example.com", "wrong password 5", ADDRESS))
        .isEqualTo(new SignInResult.Wrong());
    assertThat(services.signIn().signIn("ada@example.com", PASSWORD, ADDRESS))
        .isInstanceOf(SignInResult.Throttled.class);
  }

  @Test
  void throttlesAnAddressAfterTwentyFailuresWhateverTheEmails() {
    Operator ada = active("ada@example.com", OperatorRole.EDITOR);
    for (int i = 0; i < 20; i++) {
      assertThat(services.signIn().signIn("guess" + i + "@example.com", PASSWORD, ADDRESS))
          .isEqualTo(new SignInResult.Wrong());
    }

    assertThat(services.signIn().signIn("ada@example.com", PASSWORD, ADDRESS))
        .isEqualTo(new SignInResult.Throttled(Duration.ofMinutes(15)));
    assertThat(services.signIn().signIn("ada@example.com", PASSWORD, "198.51.100.1"))
        .as("the account itself has failed nothing")
        .isEqualTo(new SignInResult.SignedIn(ada));
    clock.advance(Duration.ofMinutes(15));
    assertThat(services.signIn().signIn("ada@example.com", PASSWORD, ADDRESS))
        .isEqualTo(new SignInResult.SignedIn(ada));
  }

  @Test
  void logsEveryAttemptWithItsOutcomeButNeverThePasswordOrTheFullEmail() {
    Operator ada = active("ada@example.com", OperatorRole.EDITOR);
    logged.list.clear();

    services.signIn().signIn("ada@example.com", PASSWORD, ADDRESS);
    services.signIn().signIn("ada@example.com", "a wrong password", ADDRESS);
    services.signIn().signIn("nobody@example.com", "a wrong password", ADDRESS);

    assertThat(logged.list)
        .extracting(event -> event.getLevel().toString(), SignInTest::fields)
        .containsExactly(
            tuple(
                "INFO",
                Map.of(
                    "operatorId",
                    Long.toString(ada.id().value()),
                    "email",
                    "a***@example.com",
                    "clientAddress",
                    ADDRESS,
                    "outcome",
                    "signed-in")),
            tuple(
                "WARN",
                Map.of(
                    "operatorId",
                    Long.toString(ada.id().value()),
                    "email",
                    "a***@example.com",
                    "clientAddress",
                    ADDRESS,
                    "outcome",
                    "wrong-password")),
            tuple(
                "WARN",
                Map.of(
                    "email", "n***@example.com",
                    "clientAddress", ADDRESS,
                    "outcome", "unknown-email")));
    assertThat(logged.list)
        .allSatisfy(
            event ->
                assertThat(event.getFormattedMessage() + fields(event))
                    .doesNotContain(PASSWORD, "a wrong password", "ada@", "nobody@"));
  }

  private static Map<String, String> fields(ILoggingEvent event) {
    List<KeyValuePair> pairs =
        event.getKeyValuePairs() == null ? List.of() : event.getKeyValuePairs();
    return pairs.stream()
        .collect(Collectors.toMap(pair -> pair.key, pair -> String.valueOf(pair.value)));
  }
}

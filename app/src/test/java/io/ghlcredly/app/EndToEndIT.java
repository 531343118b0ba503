package io.ghlcredly.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ghlcredly.app.demo.DemoEnvironment;
import io.ghlcredly.core.model.BadgeTemplateId;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.Issuance;
import io.ghlcredly.testkit.ghl.WebhookDelivery;
import io.ghlcredly.testkit.server.EmulatorResponse;
import io.ghlcredly.testkit.server.Fault;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole service on embedded H2 against both emulators: a tag added in GHL becomes one Credly
 * badge, whatever happens on the way.
 */
class EndToEndIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path folder;
  private DemoEnvironment env;
  private String templateId;

  @BeforeEach
  void startEverything() {
    env = DemoEnvironment.start(folder, Duration.ofMillis(200));
    templateId = env.template().id();
  }

  @AfterEach
  void stopEverything() {
    env.close();
  }

  @Test
  void issuesOneBadgeWhenTagAdded() {
    String ada = env.ghl().seedContact("Ada", "Lovelace", "ada@example.com");

    env.ghl().addTags(ada, DemoEnvironment.TAG);

    await().atMost(WAIT).until(() -> env.credly().countBadges(templateId, ada) == 1);
    awaitIdle();
    assertThat(env.credly().badges()).hasSize(1);
    assertThat(
            env.engine()
                .stores()
                .ledger()
                .find(new ContactId(ada), new BadgeTemplateId(templateId)))
        .hasValueSatisfying(
            issuance -> assertThat(issuance.state()).isEqualTo(Issuance.State.ISSUED));
    assertThat(env.engine().counters().badgesIssued()).isEqualTo(1);
  }

  @Test
  void issuesOneBadgeWhenWebhookIsDeliveredTwice() {
    String ada = env.ghl().seedContact("Ada", "Lovelace", "ada@example.com");
    env.ghl().addTags(ada, DemoEnvironment.TAG);
    WebhookDelivery first = awaitDelivery(0);
    await().atMost(WAIT).until(() -> env.credly().countBadges(templateId, ada) == 1);

    WebhookDelivery again = env.ghl().redeliver(first);

    assertThat(first.status()).isEqualTo(200);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.responseBody()).contains("duplicate webhookId");
    awaitIdle();
    assertThat(env.credly().countBadges(templateId, ada)).isEqualTo(1);
    assertThat(env.engine().counters().eventsDuplicate()).isEqualTo(1);
  }

  @Test
  void issuesOneBadgeWhenCredlyFailsTwiceFirst() {
    String grace = env.ghl().seedContact("Grace", "Hopper", "grace@example.com");
    env.credly().inject(Fault.status("POST", "/organizations/", 2, serverError()));

    env.ghl().addTags(grace, DemoEnvironment.TAG);

    await().atMost(WAIT).until(() -> env.credly().countBadges(templateId, grace) == 1);
    awaitIdle();
    long issueCalls =
        env.credly().requests().stream()
            .filter(
                request -> request.method().equals("POST") && request.path().endsWith("/badges"))
            .count();
    assertThat(issueCalls).isEqualTo(3);
    assertThat(env.credly().badges()).hasSize(1);
    assertThat(env.engine().stores().deadLetters().count()).isZero();
  }

  @Test
  void deadLettersARefusalThatCannotSucceedWithCredlysMessage() {
    String ada = env.ghl().seedContact("Ada", "Lovelace", "ada@example.com");
    env.credly().archiveTemplate(templateId);

    env.ghl().addTags(ada, DemoEnvironment.TAG);

    await().atMost(WAIT).until(() -> env.engine().stores().deadLetters().count() == 1);
    awaitIdle();
    assertThat(env.engine().stores().deadLetters().listRecent(1))
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(letter.contactId().value()).isEqualTo(ada);
              assertThat(letter.cause())
                  .contains("HTTP 422")
                  .contains("Invalid or missing Badge Template ID");
            });
    assertThat(credlyIssueCalls()).isEqualTo(1);
    assertThat(env.credly().badges()).isEmpty();
  }

  @Test
  void issuesBadgeOnceAfterRestartWhenStoppedBeforeIssuing() {
    String alan = env.ghl().seedContact("Alan", "Turing", "alan@example.com");
    env.ghl().inject(Fault.status("GET", "/contacts/", 1000, unavailable()));
    env.ghl().addTags(alan, DemoEnvironment.TAG);
    assertThat(awaitDelivery(0).status()).isEqualTo(200);
    await().atMost(WAIT).until(() -> ghlContactReads(alan) >= 1);

    env.stopEngine();
    env.ghl().clearFaults();
    assertThat(env.credly().badges()).isEmpty();
    env.startEngine();

    await().atMost(WAIT).until(() -> env.credly().countBadges(templateId, alan) == 1);
    awaitIdle();
    assertThat(env.credly().badges()).hasSize(1);
  }

  @Test
  void neverIssuesTwiceWhenStoppedWhileCredlyIsIssuing() {
    String alan = env.ghl().seedContact("Alan", "Turing", "alan@example.com");
    env.credly().inject(Fault.slow("POST", "/organizations/", 1, Duration.ofSeconds(3)));
    env.ghl().addTags(alan, DemoEnvironment.TAG);
    await().atMost(WAIT).until(() -> credlyIssueCalls() >= 1);

    env.stopEngine();
    await().atMost(WAIT).until(() -> env.credly().countBadges(templateId, alan) == 1);
    env.startEngine();

    await()
        .atMost(WAIT)
        .until(
            () ->
                env.engine()
                    .stores()
                    .ledger()
                    .find(new ContactId(alan), new BadgeTemplateId(templateId))
                    .filter(issuance -> issuance.state() == Issuance.State.ISSUED)
                    .isPresent());
    awaitIdle();
    assertThat(env.credly().countBadges(templateId, alan)).isEqualTo(1);
  }

  private WebhookDelivery awaitDelivery(int index) {
    await().atMost(WAIT).until(() -> env.ghl().deliveries().size() > index);
    return env.ghl().deliveries().get(index);
  }

  private long ghlContactReads(String contactId) {
    return env.ghl().requests().stream()
        .filter(request -> request.method().equals("GET") && request.path().contains(contactId))
        .count();
  }

  private long credlyIssueCalls() {
    return env.credly().requests().stream()
        .filter(request -> request.method().equals("POST") && request.path().endsWith("/badges"))
        .count();
  }

  private void awaitIdle() {
    await().atMost(WAIT).until(() -> env.engine().queuedJobs() == 0);
  }

  private static EmulatorResponse serverError() {
    return EmulatorResponse.json(500, "{\"data\":{\"message\":\"Internal Server Error\"}}");
  }

  private static EmulatorResponse unavailable() {
    return EmulatorResponse.json(503, "{\"statusCode\":503,\"message\":\"Service Unavailable\"}");
  }
}

package io.ghlcredly.app.demo;

import io.ghlcredly.core.sync.SyncCounters;
import io.ghlcredly.testkit.ghl.WebhookDelivery;
import io.ghlcredly.testkit.server.EmulatorResponse;
import io.ghlcredly.testkit.server.Fault;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * The scripted demo: contacts tagged in the GHL emulator, signed webhooks arriving at the engine,
 * badges issued in the Credly emulator, exactly once, also when a webhook is delivered twice and
 * when Credly fails before it succeeds. Narrates each step and checks the outcome.
 */
final class DemoScenario {
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

  private final DemoEnvironment env;
  private final PrintWriter out;

  DemoScenario(DemoEnvironment env, PrintWriter out) {
    this.env = env;
    this.out = out;
  }

  /** Runs the scenario; returns its outcome. */
  Result run() {
    String templateId = env.template().id();
    out.printf(
        "rule course-101: when tag-added %s -> issue badge \"%s\" (template %s)%n",
        DemoEnvironment.TAG, env.template().name(), templateId);

    String ada = env.ghl().seedContact("Ada", "Lovelace", "ada@example.com");
    String grace = env.ghl().seedContact("Grace", "Hopper", "grace@example.com");
    String alan = env.ghl().seedContact("Alan", "Turing", "alan@example.com");
    out.printf(
        "[1] GHL location %s: seeded Ada Lovelace (%s), Grace Hopper (%s), Alan Turing (%s)%n",
        env.ghl().locationId(), ada, grace, alan);

    out.printf("[2] GHL: tag \"%s\" added to Ada Lovelace%n", DemoEnvironment.TAG);
    WebhookDelivery adaHook = tagAndShowWebhook(ada, DemoEnvironment.TAG);
    awaitBadges(templateId, ada, 1);
    showBadges(ada, "Ada Lovelace");

    out.println("[3] GHL delivers the same signed webhook again (same webhookId)");
    WebhookDelivery repeat = env.ghl().redeliver(adaHook);
    out.printf("    <- engine answered %d: %s%n", repeat.status(), repeat.responseBody());

    out.println("[4] Credly will answer 500 twice; GHL: tag added to Grace Hopper");
    env.credly()
        .inject(
            Fault.status(
                "POST",
                "/organizations/",
                2,
                EmulatorResponse.json(500, "{\"data\":{\"message\":\"Internal Server Error\"}}")));
    tagAndShowWebhook(grace, DemoEnvironment.TAG);
    awaitBadges(templateId, grace, 1);
    long attempts =
        env.credly().requests().stream()
            .filter(request -> request.method().equals("POST") && request.body().contains(grace))
            .count();
    out.printf(
        "    -> Credly answered 500 twice; the job retried with backoff (%d attempts)%n", attempts);
    showBadges(grace, "Grace Hopper");

    out.println("[5] GHL: tag \"newsletter\" added to Alan Turing (no rule for it)");
    tagAndShowWebhook(alan, "newsletter");
    awaitIdle();
    out.printf(
        "    -> no badge for Alan Turing (%d in Credly)%n",
        env.credly().countBadges(templateId, alan));

    awaitIdle();
    SyncCounters.Snapshot counts = env.engine().counters();
    boolean ok =
        env.credly().countBadges(templateId, ada) == 1
            && env.credly().countBadges(templateId, grace) == 1
            && env.credly().countBadges(templateId, alan) == 0
            && env.credly().badges().size() == 2
            && counts.failures() == 0;
    return new Result(counts, ok, ada);
  }

  private WebhookDelivery tagAndShowWebhook(String contactId, String tag) {
    int before = env.ghl().deliveries().size();
    env.ghl().addTags(contactId, tag);
    Polling.until(STEP_TIMEOUT, () -> env.ghl().deliveries().size() > before);
    WebhookDelivery delivery = env.ghl().deliveries().get(before);
    out.printf(
        "    -> signed webhook %s (webhookId %s, x-ghl-signature Ed25519) <- engine answered %d: %s%n",
        delivery.type(), delivery.webhookId(), delivery.status(), delivery.responseBody());
    return delivery;
  }

  private void awaitBadges(String templateId, String contactId, long count) {
    Polling.until(STEP_TIMEOUT, () -> env.credly().countBadges(templateId, contactId) >= count);
    awaitIdle();
  }

  private void awaitIdle() {
    Polling.until(STEP_TIMEOUT, () -> env.engine().queuedJobs() == 0);
  }

  private void showBadges(String contactId, String name) {
    List<io.ghlcredly.testkit.credly.Badge> held =
        env.credly().badges().stream()
            .filter(badge -> contactId.equals(badge.issuerEarnerId()))
            .toList();
    for (io.ghlcredly.testkit.credly.Badge badge : held) {
      out.printf(
          "    -> Credly: badge \"%s\" issued to %s (badge %s, state %s)%n",
          env.template().name(), name, badge.id(), badge.state());
    }
  }

  /**
   * The counts and whether the expected badges were issued exactly once.
   *
   * @param badgedContact a contact that got its badge (Ada Lovelace), to look at afterwards
   */
  record Result(SyncCounters.Snapshot counts, boolean ok, String badgedContact) {
    String summary() {
      return String.format(
          "demo summary: events received=%d badges issued=%d duplicates prevented=%d failures=%d result=%s",
          counts.eventsAccepted() + counts.eventsDuplicate(),
          counts.badgesIssued(),
          counts.eventsDuplicate() + counts.duplicatesPrevented(),
          counts.failures(),
          ok ? "OK" : "FAILED");
    }
  }
}

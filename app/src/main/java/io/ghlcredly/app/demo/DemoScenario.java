package io.ghlcredly.app.demo;

import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.sync.SyncCounters;
import io.ghlcredly.testkit.credly.Badge;
import io.ghlcredly.testkit.credly.CredlyOrganization;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import io.ghlcredly.testkit.ghl.WebhookDelivery;
import io.ghlcredly.testkit.server.EmulatorResponse;
import io.ghlcredly.testkit.server.Fault;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The scripted demo, on an agency with two academies (workspaces): the agency installs the app;
 * contacts of North Academy are tagged in the GHL emulator, signed webhooks arrive at the engine,
 * badges are issued from North's Credly organization, exactly once, also when a webhook is
 * delivered twice and when Credly fails before it succeeds; a South Academy contact gets the same
 * tag and its badge comes from South's organization and template only; an event of the location in
 * no workspace is held. Narrates each step and checks the outcome.
 */
final class DemoScenario {
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

  private final DemoEnvironment env;
  private final PrintWriter out;
  private final Academy north;
  private final Academy south;
  private final String west;

  DemoScenario(DemoEnvironment env, PrintWriter out) {
    this.env = env;
    this.out = out;
    List<Academy> academies = env.academies();
    if (academies.size() != 2) {
      throw new IllegalArgumentException("the demo scenario needs the two academies");
    }
    this.north = academies.get(0);
    this.south = academies.get(1);
    this.west =
        env.unassignedLocation()
            .orElseThrow(() -> new IllegalArgumentException("no location in no workspace"));
  }

  /** A seeded contact. */
  private record Person(String id, String name) {}

  /** Runs the scenario; returns its outcome. */
  Result run() {
    describeTheAgency();
    Person ada = seed(north.location(), "Ada", "Lovelace");
    Person grace = seed(north.location(), "Grace", "Hopper");
    Person alan = seed(north.location(), "Alan", "Turing");
    out.printf(
        "[1] GHL location %s (%s): seeded %s (%s), %s (%s), %s (%s)%n",
        north.name(),
        north.location(),
        ada.name(),
        ada.id(),
        grace.name(),
        grace.id(),
        alan.name(),
        alan.id());
    Person florence = seed(south.location(), "Florence", "Nightingale");
    out.printf(
        "    GHL location %s (%s): seeded %s (%s)%n",
        south.name(), south.location(), florence.name(), florence.id());
    Person hedy = seed(west, "Hedy", "Lamarr");
    out.printf(
        "    GHL location %s (%s): seeded %s (%s)%n",
        ghl().locationName(west), west, hedy.name(), hedy.id());

    out.printf("[2] North: tag \"%s\" added to %s%n", DemoEnvironment.TAG, ada.name());
    WebhookDelivery adaHook = tagAndShowWebhook(ada, DemoEnvironment.TAG);
    awaitBadge(north, ada);
    showBadges(north, ada);

    out.println("[3] GHL delivers the same signed webhook again (same webhookId)");
    WebhookDelivery repeat = ghl().redeliver(adaHook);
    out.printf("    <- engine answered %d: %s%n", repeat.status(), repeat.responseBody());

    failingCredlyThenGrace(grace);

    out.printf("[5] North: tag \"newsletter\" added to %s (no rule for it)%n", alan.name());
    tagAndShowWebhook(alan, "newsletter");
    awaitIdle();
    out.printf("    -> no badge for %s (%d in Credly)%n", alan.name(), badgesOf(alan));

    out.printf(
        "[6] South: the same tag \"%s\" added to %s%n", DemoEnvironment.TAG, florence.name());
    tagAndShowWebhook(florence, DemoEnvironment.TAG);
    awaitBadge(south, florence);
    showBadges(south, florence);
    showOrganizations(florence);

    out.printf(
        "[7] %s: tag \"%s\" added to %s%n",
        ghl().locationName(west), DemoEnvironment.TAG, hedy.name());
    tagAndShowWebhook(hedy, DemoEnvironment.TAG);
    awaitHeld();
    awaitIdle();
    out.printf(
        "    -> held: location %s (%s) is in no workspace; no badge from any organization (%d),"
            + " applied once an admin assigns the location%n",
        ghl().locationName(west), west, badgesOf(hedy));

    awaitIdle();
    SyncCounters.Snapshot counts = env.engine().counters();
    boolean ok =
        isHeld()
            && onlyBadges(north, ada, grace)
            && onlyBadges(south, florence)
            && env.credly().firstOrganization().badges().isEmpty()
            && env.credly().organizations().stream().mapToLong(org -> org.badges().size()).sum()
                == 3
            && counts.failures() == 0;
    return new Result(counts, ok, ada.id());
  }

  private void describeTheAgency() {
    for (Academy academy : env.academies()) {
      out.printf(
          "workspace %s \"%s\": GHL location %s, Credly organization \"%s\" (%s)%n",
          academy.workspace(),
          academy.name(),
          academy.location(),
          academy.organization().name(),
          academy.organization().organizationId());
      out.printf(
          "  rule %s: when tag-added %s -> issue badge \"%s\" (template %s)%n",
          academy.rule(), DemoEnvironment.TAG, academy.template().name(), academy.template().id());
    }
    out.printf("GHL location %s (%s): in no workspace%n", ghl().locationName(west), west);
    List<String> locations = ghl().locationIds();
    List<String> connected =
        locations.stream().filter(location -> ghl().oauth().installedOn(location)).toList();
    out.printf(
        "[0] agency installs the app: %s locations connected (%s)%n",
        connected.size() == locations.size() ? "all " + connected.size() : connected.size(),
        String.join(", ", connected.stream().map(ghl()::locationName).toList()));
  }

  private void failingCredlyThenGrace(Person grace) {
    out.printf(
        "[4] %s will answer 500 twice; North: tag added to %s%n",
        north.organization().name(), grace.name());
    env.credly()
        .inject(
            Fault.status(
                "POST",
                "/organizations/" + north.organization().organizationId() + "/",
                2,
                EmulatorResponse.json(500, "{\"data\":{\"message\":\"Internal Server Error\"}}")));
    tagAndShowWebhook(grace, DemoEnvironment.TAG);
    awaitBadge(north, grace);
    long attempts =
        env.credly().requests().stream()
            .filter(
                request -> request.method().equals("POST") && request.body().contains(grace.id()))
            .count();
    out.printf(
        "    -> Credly answered 500 twice; the job retried with backoff (%d attempts)%n", attempts);
    showBadges(north, grace);
  }

  private GhlEmulator ghl() {
    return env.ghl();
  }

  private Person seed(String location, String first, String last) {
    String email = first.toLowerCase(Locale.ROOT) + "@example.com";
    return new Person(ghl().seedContactIn(location, first, last, email), first + " " + last);
  }

  private WebhookDelivery tagAndShowWebhook(Person person, String tag) {
    int before = ghl().deliveries().size();
    ghl().addTags(person.id(), tag);
    Polling.until(STEP_TIMEOUT, () -> ghl().deliveries().size() > before);
    WebhookDelivery delivery = ghl().deliveries().get(before);
    out.printf(
        "    -> signed webhook %s (webhookId %s, x-ghl-signature Ed25519) <- engine answered %d: %s%n",
        delivery.type(), delivery.webhookId(), delivery.status(), delivery.responseBody());
    return delivery;
  }

  private void awaitBadge(Academy academy, Person person) {
    Polling.until(
        STEP_TIMEOUT,
        () -> academy.organization().countBadges(academy.template().id(), person.id()) >= 1);
    awaitIdle();
  }

  private void awaitHeld() {
    Polling.until(STEP_TIMEOUT, this::isHeld);
  }

  /** Whether the engine holds events of the location in no workspace. */
  private boolean isHeld() {
    LocationId location = new LocationId(west);
    return env.engine().stores().inbox().listHeld().stream()
        .anyMatch(held -> held.location().equals(location));
  }

  private void awaitIdle() {
    Polling.until(STEP_TIMEOUT, () -> env.engine().queuedJobs() == 0);
  }

  private void showBadges(Academy academy, Person person) {
    for (Badge badge : badgesFor(academy.organization(), person)) {
      out.printf(
          "    -> Credly organization \"%s\": badge \"%s\" issued to %s (badge %s, state %s)%n",
          academy.organization().name(),
          academy.template().name(),
          person.name(),
          badge.id(),
          badge.state());
    }
  }

  /** Both organizations' counts: the badge came from the contact's own academy only. */
  private void showOrganizations(Person person) {
    for (Academy academy : env.academies()) {
      int total = academy.organization().badges().size();
      int theirs = badgesFor(academy.organization(), person).size();
      out.printf(
          "    -> organization \"%s\": %d badge%s, %s for %s%n",
          academy.organization().name(),
          total,
          total == 1 ? "" : "s",
          theirs == 0 ? "none" : String.valueOf(theirs),
          person.name());
    }
  }

  /** Badges for the contact in every organization of the emulator. */
  private long badgesOf(Person person) {
    return env.credly().organizations().stream()
        .mapToLong(organization -> badgesFor(organization, person).size())
        .sum();
  }

  /**
   * Whether the academy's organization holds exactly one badge of its template for each person and
   * no other badge.
   */
  private static boolean onlyBadges(Academy academy, Person... people) {
    CredlyOrganization organization = academy.organization();
    for (Person person : people) {
      if (organization.countBadges(academy.template().id(), person.id()) != 1) {
        return false;
      }
    }
    return organization.badges().size() == people.length;
  }

  private static List<Badge> badgesFor(CredlyOrganization organization, Person person) {
    return organization.badges().stream()
        .filter(badge -> person.id().equals(badge.issuerEarnerId()))
        .toList();
  }

  /**
   * The counts and whether the expected badges were issued exactly once, each from its academy's
   * organization and none from another.
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

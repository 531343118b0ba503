package io.ghlcredly.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.job.JobListener;
import io.ghlcredly.core.model.BadgeState;
import io.ghlcredly.core.model.BadgeTemplateId;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.ReceivedEvent;
import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.http.RatePriority;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AppMetricsTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  private final AppMetrics metrics = AppMetrics.create();

  @Test
  void countsEventsBySourceTypeAndDuplicate() {
    SyncEvent tags = received(NOW).event();
    SyncEvent badge =
        new SyncEvent.BadgeChanged(
            new EventId("event-2"),
            new ContactId("contact-1"),
            NOW,
            SyncEvent.BadgeChanged.Change.STATE_CHANGED,
            "badge-1",
            new BadgeTemplateId("3f1c9d2e-0000-4000-8000-000000000101"),
            BadgeState.ACCEPTED);
    metrics.sync().eventReceived("ghl", tags, false);
    metrics.sync().eventReceived("ghl", tags, false);
    metrics.sync().eventReceived("ghl", tags, true);
    metrics.sync().eventReceived("credly", badge, false);

    Scrape scrape = new Scrape(metrics.scrape());

    assertThat(
            scrape.value(
                "ghlcredly_events_received_total",
                "source",
                "ghl",
                "type",
                "contact.tags-updated",
                "duplicate",
                "false"))
        .hasValue(2.0);
    assertThat(scrape.value("ghlcredly_events_received_total", "duplicate", "true")).hasValue(1.0);
    assertThat(scrape.value("ghlcredly_events_received_total", "source", "credly")).hasValue(1.0);
    assertThat(scrape.value("ghlcredly_events_received_total", "workspace", "none")).hasValue(4.0);
  }

  @Test
  void labelsEventsWithTheirWorkspace() {
    metrics.labelWorkspaces(
        event ->
            event instanceof SyncEvent.ContactEvent contact
                    && contact.locationId().value().equals("location-1")
                ? "academy-north"
                : "none");
    metrics.sync().eventReceived("ghl", received(NOW).event(), false);
    metrics.sync().eventsApplied(List.of(received(NOW.minusMillis(100))), NOW);
    metrics.sync().eventsHeld(3);

    Scrape scrape = new Scrape(metrics.scrape());
    assertThat(scrape.value("ghlcredly_events_received_total", "workspace", "academy-north"))
        .hasValue(1.0);
    assertThat(scrape.value("ghlcredly_event_latency_seconds_count", "workspace", "academy-north"))
        .hasValue(1.0);
    assertThat(scrape.value("ghlcredly_events_held_total")).hasValue(3.0);
  }

  @Test
  void recordsLatencyFromReceiptToAppliedInHistogramBuckets() {
    ReceivedEvent event = received(NOW.minusMillis(300));

    metrics.sync().eventsApplied(List.of(event), NOW);

    Scrape scrape = new Scrape(metrics.scrape());
    assertThat(scrape.value("ghlcredly_event_latency_seconds_count", "source", "ghl"))
        .hasValue(1.0);
    assertThat(scrape.value("ghlcredly_event_latency_seconds_sum", "source", "ghl")).hasValue(0.3);
    assertThat(scrape.value("ghlcredly_event_latency_seconds_bucket", "le", "0.25")).hasValue(0.0);
    assertThat(scrape.value("ghlcredly_event_latency_seconds_bucket", "le", "0.5")).hasValue(1.0);
  }

  @Test
  void showsEveryJobOutcomeFromTheStartAndCountsEach() {
    assertThat(new Scrape(metrics.scrape()).value("ghlcredly_jobs_total", "outcome", "applied"))
        .hasValue(0.0);

    metrics.jobs().jobFinished(JobListener.Outcome.APPLIED);
    metrics.jobs().jobFinished(JobListener.Outcome.RETRIED);
    metrics.jobs().jobFinished(JobListener.Outcome.RETRIED);
    metrics.jobs().jobFinished(JobListener.Outcome.DEAD_LETTERED);

    Scrape scrape = new Scrape(metrics.scrape());
    assertThat(scrape.value("ghlcredly_jobs_total", "outcome", "applied")).hasValue(1.0);
    assertThat(scrape.value("ghlcredly_jobs_total", "outcome", "retried")).hasValue(2.0);
    assertThat(scrape.value("ghlcredly_jobs_total", "outcome", "dead_lettered")).hasValue(1.0);
  }

  @Test
  void timesUpstreamCallsByEndpointWithoutIds() {
    metrics.calls().exchanged("ghl", "GET", "/contacts/ve9EPM428h8vShlRW1KT", 200, millis(40));
    metrics.calls().exchanged("ghl", "GET", "/contacts/Xy12", 200, millis(60));
    metrics.calls().exchanged("credly", "POST", "/organizations/3f2a-9b/badges", 201, millis(80));
    metrics.calls().exchanged("credly", "POST", "/organizations/3f2a-9b/badges", 0, millis(5000));

    String text = metrics.scrape();
    Scrape scrape = new Scrape(text);

    assertThat(
            scrape.value(
                "ghlcredly_upstream_calls_seconds_count",
                "connector",
                "ghl",
                "method",
                "GET",
                "endpoint",
                "/contacts/{id}",
                "status",
                "200"))
        .hasValue(2.0);
    assertThat(
            scrape.value(
                "ghlcredly_upstream_calls_seconds_count",
                "connector",
                "credly",
                "endpoint",
                "/organizations/{id}/badges",
                "status",
                "201"))
        .hasValue(1.0);
    assertThat(scrape.value("ghlcredly_upstream_calls_seconds_count", "status", "0")).hasValue(1.0);
    assertThat(text).doesNotContain("ve9EPM428h8vShlRW1KT").doesNotContain("3f2a-9b");
  }

  @Test
  void timesRateLimitWaitsByPriority() {
    metrics.rateWaits().waited(RatePriority.BULK, millis(1500), true);
    metrics.rateWaits().waited(RatePriority.LIVE, millis(200), false);

    Scrape scrape = new Scrape(metrics.scrape());

    assertThat(scrape.value("ghlcredly_rate_limit_wait_seconds_sum", "priority", "bulk"))
        .hasValue(1.5);
    assertThat(
            scrape.value(
                "ghlcredly_rate_limit_wait_seconds_count", "priority", "live", "granted", "false"))
        .hasValue(1.0);
  }

  @Test
  void readsQueueGaugesAtScrapeTime() {
    MutableProbe probe = new MutableProbe();
    metrics.watchQueue(probe, () -> NOW);
    probe.jobs = 3;
    probe.pending = 5;
    probe.oldest = Optional.of(NOW.minusSeconds(90));

    Scrape scrape = new Scrape(metrics.scrape());

    assertThat(scrape.value("ghlcredly_queue_jobs")).hasValue(3.0);
    assertThat(scrape.value("ghlcredly_inbox_pending_events")).hasValue(5.0);
    assertThat(scrape.value("ghlcredly_inbox_oldest_pending_age_seconds")).hasValue(90.0);
  }

  @Test
  void showsNaNWhenTheQueueCannotBeReadAndZeroAgeWhenNothingIsPending() {
    MutableProbe probe = new MutableProbe();
    metrics.watchQueue(probe, () -> NOW);
    probe.broken = true;

    Scrape scrape = new Scrape(metrics.scrape());

    assertThat(scrape.value("ghlcredly_queue_jobs").orElseThrow()).isNaN();
    assertThat(scrape.value("ghlcredly_inbox_oldest_pending_age_seconds").orElseThrow()).isNaN();
    probe.broken = false;
    assertThat(new Scrape(metrics.scrape()).value("ghlcredly_inbox_oldest_pending_age_seconds"))
        .hasValue(0.0);
  }

  private static Duration millis(long millis) {
    return Duration.ofMillis(millis);
  }

  private static ReceivedEvent received(Instant at) {
    SyncEvent event =
        new SyncEvent.ContactTagsUpdated(
            new EventId("event-1"), new ContactId("contact-1"), new LocationId("location-1"), at);
    return new ReceivedEvent(1, "ghl", event, at);
  }

  /** A queue whose state the test sets. */
  private static final class MutableProbe implements QueueProbe {
    volatile long jobs;
    volatile long pending;
    volatile Optional<Instant> oldest = Optional.empty();
    volatile boolean broken;

    @Override
    public long queuedJobs() {
      check();
      return jobs;
    }

    @Override
    public long pendingEvents() {
      check();
      return pending;
    }

    @Override
    public Optional<Instant> oldestPendingReceivedAt() {
      check();
      return oldest;
    }

    private void check() {
      if (broken) {
        throw new IllegalStateException("database down");
      }
    }
  }
}

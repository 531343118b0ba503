package io.ghlcredly.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ghlcredly.core.port.EventInbox;
import io.ghlcredly.storage.Database;
import io.ghlcredly.storage.DbSchedulerJobQueue;
import io.ghlcredly.storage.Jdbc;
import io.ghlcredly.storage.JdbcEventInbox;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import io.ghlcredly.testkit.ghl.WebhookDelivery;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What the cluster tests read from the shared PostgreSQL schema (the queue, the inbox, dead
 * letters), and how they load the instances: tags added from several threads at once while GHL's
 * webhooks go to the instances in turn.
 */
final class ClusterProbe {
  private final Database database;
  private final Jdbc jdbc;

  ClusterProbe(Database database) {
    this.database = database;
    this.jdbc = new Jdbc(database);
  }

  /**
   * Tags the contacts from {@code threads} threads at once, so webhooks arrive faster than a
   * location's GHL budget (100 calls per 10 s) lets the instances read the contacts: only a shared
   * budget keeps them all under it. Each webhook has been answered when this returns.
   */
  static void tagConcurrently(GhlEmulator ghl, List<String> contactIds, String tag, int threads)
      throws InterruptedException {
    try (ExecutorService senders = Executors.newFixedThreadPool(threads)) {
      for (String id : contactIds) {
        senders.execute(() -> ghl.addTags(id, tag));
      }
      senders.shutdown();
      assertThat(senders.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    }
  }

  /** The contacts whose sync jobs the instance is running now; waits until it runs some. */
  Set<String> awaitJobsPickedBy(ClusterNode node) {
    List<String> held = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(10))
        .until(
            () -> {
              held.clear();
              held.addAll(jobsPickedBy(node));
              return !held.isEmpty();
            });
    return Set.copyOf(held);
  }

  /** The contacts whose sync jobs are marked as running on the instance (alive or not). */
  List<String> jobsPickedBy(ClusterNode node) {
    return jdbc.query(
        "SELECT task_instance FROM scheduled_tasks"
            + " WHERE task_name = ? AND picked AND picked_by = ?",
        row -> row.getString("task_instance"),
        DbSchedulerJobQueue.CONTACT_SYNC,
        node.name());
  }

  /**
   * Every webhook GHL sent was answered 200, each receiver took a share, and each accepted event
   * was applied (processed, and not held for want of a workspace).
   */
  void assertEveryAcceptedWebhookApplied(GhlEmulator ghl, Collection<ClusterNode> receivers) {
    List<WebhookDelivery> deliveries = ghl.deliveries();
    assertThat(deliveries).isNotEmpty().allSatisfy(d -> assertThat(d.status()).isEqualTo(200));
    Map<URI, Long> perReceiver =
        deliveries.stream()
            .collect(Collectors.groupingBy(WebhookDelivery::url, Collectors.counting()));
    assertThat(perReceiver.keySet())
        .as("each instance took a share of the webhooks")
        .containsExactlyInAnyOrderElementsOf(
            receivers.stream().map(ClusterNode::webhookUrl).toList());
    Set<String> applied =
        Set.copyOf(
            jdbc.query(
                "SELECT event_id FROM event_inbox WHERE processed_at IS NOT NULL"
                    + " AND (outcome IS NULL OR outcome <> ?)",
                row -> row.getString("event_id"),
                EventInbox.HELD));
    assertThat(applied).containsAll(deliveries.stream().map(WebhookDelivery::webhookId).toList());
  }

  long pendingEvents() {
    return new JdbcEventInbox(database).countPending();
  }

  long queuedSyncJobs() {
    return jdbc.queryLong(
        "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ?",
        DbSchedulerJobQueue.CONTACT_SYNC);
  }

  long deadLetters() {
    return jdbc.queryLong("SELECT COUNT(*) FROM dead_letter");
  }

  /** Events kept because their location is in no workspace: none when every location is served. */
  long heldEvents() {
    return jdbc.queryLong("SELECT COUNT(*) FROM event_inbox WHERE outcome = ?", EventInbox.HELD);
  }
}

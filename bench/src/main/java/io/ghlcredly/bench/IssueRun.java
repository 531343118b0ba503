package io.ghlcredly.bench;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.job.JobOutcome;
import io.ghlcredly.core.job.RetryClassifier;
import io.ghlcredly.core.job.RetryPolicy;
import io.ghlcredly.core.model.BadgeTemplateId;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.IssueBadgeCommand;
import io.ghlcredly.core.model.RuleId;
import io.ghlcredly.core.port.BadgeGateway.IssueResult;
import io.ghlcredly.credly.CredlyBadgeGateway;
import io.ghlcredly.credly.CredlyClient;
import io.ghlcredly.credly.CredlyCredentials;
import io.ghlcredly.credly.CredlySettings;
import io.ghlcredly.testkit.credly.Badge;
import io.ghlcredly.testkit.credly.CredlyEmulator;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One run: a fresh Credly emulator, a client with the configured {@code maxConcurrency}, and {@code
 * workers} virtual threads issuing one badge per synthetic contact through the real {@link
 * CredlyBadgeGateway}. Failures are retried by the job queue's own {@link RetryClassifier} (429
 * after the longer of its Retry-After and a jittered backoff); the gateway turns the retry of a
 * badge that was in fact created into "already issued", so retries never duplicate.
 */
final class IssueRun {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /**
   * The job queue's retry rule (the longer of Retry-After and a jittered exponential backoff), with
   * the production backoff (5 s to 15 min) scaled down so that a run stays short.
   */
  private static final RetryPolicy RETRY_POLICY =
      new RetryPolicy(30, Duration.ofSeconds(1), Duration.ofSeconds(4));

  private final BenchConfig config;
  private final int badges;
  private final int workers;

  private final RetryClassifier retries = new RetryClassifier(RETRY_POLICY, new SplittableRandom());
  private final InstantSource clock = InstantSource.system();
  private final AtomicInteger nextContact = new AtomicInteger();
  private final AtomicLong throttled = new AtomicLong();
  private final AtomicLong transientRetries = new AtomicLong();
  private final AtomicLong alreadyIssued = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicInteger minLimit = new AtomicInteger(Integer.MAX_VALUE);
  private final long[] callNanos;
  private final long[] endToEndNanos;

  IssueRun(BenchConfig config, int badges, int workers) {
    this.config = config;
    this.badges = badges;
    this.workers = workers;
    this.callNanos = new long[badges];
    this.endToEndNanos = new long[badges];
  }

  RunResult run() {
    try (CredlyEmulator emulator = CredlyEmulator.start()) {
      String templateId = emulator.seedTemplate("Benchmark badge").id();
      CredlyClient client =
          CredlyClient.create(
              new CredlySettings(
                  emulator.baseUrl(),
                  emulator.organizationId(),
                  new CredlyCredentials.OrganizationToken(emulator.authToken(), null),
                  TIMEOUT,
                  config.maxConcurrency()));
      CredlyBadgeGateway gateway = new CredlyBadgeGateway(client);
      LoadShedder shedder =
          config.shedding() ? new LoadShedder(emulator, config.shedRate(), throttled::get) : null;
      long start = System.nanoTime();
      if (shedder != null) {
        shedder.start();
      }
      try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int i = 0; i < workers; i++) {
          var unused = threads.submit(() -> work(gateway, client, templateId));
        }
      } finally {
        if (shedder != null) {
          shedder.close();
        }
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      return result(emulator, templateId, elapsed, client.concurrency().limit());
    }
  }

  private void work(CredlyBadgeGateway gateway, CredlyClient client, String templateId) {
    for (int index = nextContact.getAndIncrement();
        index < badges;
        index = nextContact.getAndIncrement()) {
      issueOne(gateway, client, command(templateId, index), index);
    }
  }

  private void issueOne(
      CredlyBadgeGateway gateway, CredlyClient client, IssueBadgeCommand command, int index) {
    long first = System.nanoTime();
    for (int attempt = 1; ; attempt++) {
      long callStart = System.nanoTime();
      try {
        IssueResult result = gateway.issue(command);
        long end = System.nanoTime();
        callNanos[index] = end - callStart;
        endToEndNanos[index] = end - first;
        if (result instanceof IssueResult.AlreadyIssued) {
          alreadyIssued.incrementAndGet();
        }
        return;
      } catch (ApiException e) {
        if (e.status() == 429) {
          throttled.incrementAndGet();
        } else if (e.kind() == ApiException.Kind.TRANSIENT) {
          transientRetries.incrementAndGet();
        }
        Instant now = clock.instant();
        if (!(retries.classify(e, attempt, now) instanceof JobOutcome.RetryAt retry)) {
          break;
        }
        pause(Duration.between(now, retry.at()));
      } finally {
        minLimit.accumulateAndGet(client.concurrency().limit(), Math::min);
      }
    }
    errors.incrementAndGet();
  }

  private static IssueBadgeCommand command(String templateId, int index) {
    String contact = String.format("bench-contact-%06d", index);
    return new IssueBadgeCommand(
        new RuleId("benchmark"),
        new BadgeTemplateId(templateId),
        new ContactId(contact),
        contact + "@example.com",
        "Bench",
        "Contact " + index,
        Instant.parse("2026-01-01T00:00:00Z"),
        null);
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("benchmark interrupted", e);
    }
  }

  private RunResult result(
      CredlyEmulator emulator, String templateId, Duration elapsed, int finalLimit) {
    List<Badge> held =
        emulator.badges().stream().filter(badge -> templateId.equals(badge.templateId())).toList();
    Map<String, Long> perContact =
        held.stream()
            .map(badge -> Objects.requireNonNullElse(badge.issuerEarnerId(), "(none)"))
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    long duplicates = perContact.values().stream().filter(count -> count > 1).count();
    long failed = errors.get();
    return new RunResult(
        config,
        badges,
        elapsed,
        LatencySummary.ofNanos(succeeded(callNanos)),
        LatencySummary.ofNanos(succeeded(endToEndNanos)),
        throttled.get(),
        transientRetries.get(),
        alreadyIssued.get(),
        failed,
        minLimit.get() == Integer.MAX_VALUE ? finalLimit : minLimit.get(),
        finalLimit,
        held.size(),
        duplicates);
  }

  /** Samples of the badges that were issued (a failed badge leaves 0). */
  private static long[] succeeded(long[] samples) {
    return java.util.Arrays.stream(samples).filter(nanos -> nanos > 0).toArray();
  }
}

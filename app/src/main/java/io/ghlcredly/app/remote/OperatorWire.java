package io.ghlcredly.app.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ghlcredly.app.operations.AuditTrail;
import io.ghlcredly.app.operations.DryRunTally;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.DeadLetter;
import io.ghlcredly.core.model.EventId;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.Operator;
import io.ghlcredly.core.model.OperatorId;
import io.ghlcredly.core.model.OperatorRole;
import io.ghlcredly.core.sync.ContactPlanner;
import io.ghlcredly.core.sync.DeadLetterReplayer.Outcome;
import io.ghlcredly.core.sync.ImportProgress;
import io.ghlcredly.web.operators.OperatorCommands;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of the operator endpoints: records that mirror it, with their conversions from and to
 * the domain values the commands print. The service encodes with it and the CLI decodes with it, so
 * a forwarded command prints exactly what it would print from the database. Stateless.
 */
final class OperatorWire {
  static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private OperatorWire() {}

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static <T> T read(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("unexpected answer from the service: " + e.getMessage(), e);
    }
  }

  /**
   * Which service answers: its instance name, process and the database it runs on.
   *
   * @param storage {@link ServiceRuntimeFile#storageId} of its database
   * @param defaultLocation where it imports and plans without {@code --location}; null if none
   */
  record InstanceJson(
      String instance,
      long pid,
      String storage,
      String startedAt,
      @Nullable String defaultLocation) {}

  record ErrorJson(String error) {}

  record DeadLetterJson(
      long id,
      String kind,
      String contactId,
      List<String> eventIds,
      String detail,
      String cause,
      int attempts,
      String createdAt,
      @Nullable String replayedAt) {
    static DeadLetterJson of(DeadLetter letter) {
      return new DeadLetterJson(
          letter.id(),
          letter.kind(),
          letter.contactId().value(),
          letter.eventIds().stream().map(EventId::value).toList(),
          letter.detail(),
          letter.cause(),
          letter.attempts(),
          letter.createdAt().toString(),
          letter.replayedAt() == null ? null : letter.replayedAt().toString());
    }

    DeadLetter toDeadLetter() {
      return new DeadLetter(
          id,
          kind,
          new ContactId(contactId),
          eventIds.stream().map(EventId::new).toList(),
          detail,
          cause,
          attempts,
          Instant.parse(createdAt),
          replayedAt == null ? null : Instant.parse(replayedAt));
    }
  }

  record DeadLettersJson(List<DeadLetterJson> deadLetters) {}

  /**
   * One replay's outcome.
   *
   * @param result {@code replayed}, {@code already-replayed} or {@code not-found}
   */
  record ReplayJson(
      String result,
      long id,
      @Nullable DeadLetterJson deadLetter,
      int releasedIssuances,
      int releasedActions,
      boolean eventsReopened,
      List<String> queued) {
    static final String REPLAYED = "replayed";
    static final String ALREADY_REPLAYED = "already-replayed";
    static final String NOT_FOUND = "not-found";

    static ReplayJson of(Outcome outcome) {
      return switch (outcome) {
        case Outcome.Replayed replayed ->
            new ReplayJson(
                REPLAYED,
                replayed.id(),
                DeadLetterJson.of(replayed.deadLetter()),
                replayed.releasedIssuances(),
                replayed.releasedActions(),
                replayed.eventsReopened(),
                replayed.queued().stream().map(ContactId::value).toList());
        case Outcome.AlreadyReplayed already ->
            new ReplayJson(
                ALREADY_REPLAYED,
                already.id(),
                DeadLetterJson.of(already.deadLetter()),
                0,
                0,
                false,
                List.of());
        case Outcome.NotFound missing ->
            new ReplayJson(NOT_FOUND, missing.id(), null, 0, 0, false, List.of());
      };
    }

    Outcome toOutcome() {
      DeadLetterJson letter = deadLetter;
      if (NOT_FOUND.equals(result) || letter == null) {
        return new Outcome.NotFound(id);
      }
      if (ALREADY_REPLAYED.equals(result)) {
        return new Outcome.AlreadyReplayed(letter.toDeadLetter());
      }
      return new Outcome.Replayed(
          letter.toDeadLetter(),
          releasedIssuances,
          releasedActions,
          eventsReopened,
          queued.stream().map(ContactId::new).toList());
    }
  }

  record ReplaysJson(List<ReplayJson> replays) {}

  record AuditEntryJson(
      String at,
      String kind,
      String subject,
      String state,
      Map<String, String> details,
      long order) {
    static AuditEntryJson of(AuditTrail.Entry entry) {
      return new AuditEntryJson(
          entry.at().toString(),
          entry.kind(),
          entry.subject(),
          entry.state(),
          entry.details(),
          entry.order());
    }

    AuditTrail.Entry toEntry() {
      return new AuditTrail.Entry(Instant.parse(at), kind, subject, state, details, order);
    }
  }

  record AuditJson(List<AuditEntryJson> entries) {}

  record StepJson(String ruleId, String action, String reason, String detail) {}

  record PlanJson(String contactId, List<StepJson> steps) {
    static PlanJson of(ContactPlanner.Plan plan) {
      return new PlanJson(
          plan.contactId().value(),
          plan.steps().stream()
              .map(step -> new StepJson(step.ruleId(), step.action(), step.reason(), step.detail()))
              .toList());
    }

    ContactPlanner.Plan toPlan() {
      return new ContactPlanner.Plan(
          new ContactId(contactId),
          steps.stream()
              .map(
                  step ->
                      new ContactPlanner.Step(
                          step.ruleId(), step.action(), step.reason(), step.detail()))
              .toList());
    }
  }

  record ProgressJson(
      String location,
      boolean dryRun,
      long total,
      long walked,
      long queued,
      long skipped,
      long planned,
      long unchanged,
      long pages,
      long resumedAt,
      long elapsedMillis,
      boolean complete) {
    static ProgressJson of(ImportProgress progress) {
      return new ProgressJson(
          progress.location().value(),
          progress.dryRun(),
          progress.total(),
          progress.walked(),
          progress.queued(),
          progress.skipped(),
          progress.planned(),
          progress.unchanged(),
          progress.pages(),
          progress.resumedAt(),
          progress.elapsed().toMillis(),
          progress.complete());
    }

    ImportProgress toProgress() {
      return new ImportProgress(
          new LocationId(location),
          dryRun,
          total,
          walked,
          queued,
          skipped,
          planned,
          unchanged,
          pages,
          resumedAt,
          Duration.ofMillis(elapsedMillis),
          complete);
    }
  }

  record OperatorJson(
      long id,
      String email,
      @Nullable String displayName,
      String role,
      boolean passwordSet,
      boolean disabled,
      String createdAt,
      String createdBy,
      String credentialsChangedAt) {
    static OperatorJson of(Operator operator) {
      return new OperatorJson(
          operator.id().value(),
          operator.email(),
          operator.displayName(),
          operator.role().word(),
          operator.passwordSet(),
          operator.disabled(),
          operator.createdAt().toString(),
          operator.createdBy(),
          operator.credentialsChangedAt().toString());
    }

    Operator toOperator() {
      return new Operator(
          new OperatorId(id),
          email,
          displayName,
          OperatorRole.fromWord(role)
              .orElseThrow(() -> new IllegalArgumentException("unknown role " + role)),
          passwordSet,
          disabled,
          Instant.parse(createdAt),
          createdBy,
          Instant.parse(credentialsChangedAt));
    }
  }

  record OperatorsJson(List<OperatorJson> operators) {}

  /**
   * An {@code operators} subcommand's arguments: the email, and a role or name where it takes one.
   */
  record OperatorRequestJson(String email, @Nullable String role, @Nullable String name) {}

  /**
   * What a subcommand of `operators` did.
   *
   * @param result {@code done}, {@code linked}, {@code unknown} or {@code refused}
   * @param operator the operator as they are now, for {@code done} and {@code linked}
   * @param link the one-time link of {@code linked}
   * @param message why, for {@code unknown} and {@code refused}
   */
  record OperatorOutcomeJson(
      String result,
      @Nullable OperatorJson operator,
      @Nullable String link,
      @Nullable String expiresAt,
      @Nullable String message) {
    static OperatorOutcomeJson of(OperatorCommands.Outcome outcome) {
      return switch (outcome) {
        case OperatorCommands.Outcome.Done done ->
            new OperatorOutcomeJson("done", OperatorJson.of(done.operator()), null, null, null);
        case OperatorCommands.Outcome.Linked linked ->
            new OperatorOutcomeJson(
                "linked",
                OperatorJson.of(linked.operator()),
                linked.link().toString(),
                linked.expiresAt().toString(),
                null);
        case OperatorCommands.Outcome.Unknown unknown ->
            new OperatorOutcomeJson("unknown", null, null, null, unknown.message());
        case OperatorCommands.Outcome.Refused refused ->
            new OperatorOutcomeJson("refused", null, null, null, refused.message());
      };
    }

    OperatorCommands.Outcome toOutcome() {
      OperatorJson who = operator;
      String url = link;
      String expires = expiresAt;
      String text = message == null ? "" : message;
      if (result.equals("done") && who != null) {
        return new OperatorCommands.Outcome.Done(who.toOperator());
      }
      if (result.equals("linked") && who != null && url != null && expires != null) {
        return new OperatorCommands.Outcome.Linked(
            who.toOperator(), URI.create(url), Instant.parse(expires));
      }
      return result.equals("refused")
          ? new OperatorCommands.Outcome.Refused(text)
          : new OperatorCommands.Outcome.Unknown(text);
    }
  }

  /**
   * What to import, as the {@code import} command's options say.
   *
   * @param location null for the service's default location
   * @param since an ISO instant, or null
   * @param show how many plans of a dry run to send back
   */
  record ImportRequestJson(
      @Nullable String location,
      @Nullable String since,
      boolean dryRun,
      boolean restart,
      int show) {}

  /**
   * An import run in the service, as the CLI polls it.
   *
   * @param state {@code walking}, {@code applying}, {@code done}, {@code stopped} or {@code failed}
   * @param started the counts when the walk started (a resumed import's checkpoint); null before
   * @param progress the counts after the last page; null before the first
   * @param applyStarted whether the walk ended and the wait for the job workers began
   * @param applied contacts the job workers applied, of {@code toApply}, once {@code applyStarted}
   * @param allApplied whether every contact the walk queued was applied
   * @param error why a failed run failed
   * @param stepsByRule a dry run's steps counted by rule and action
   * @param plans a dry run's first plans with something to do
   */
  record ImportRunJson(
      long id,
      String state,
      @Nullable ProgressJson started,
      @Nullable ProgressJson progress,
      boolean applyStarted,
      long applied,
      long toApply,
      boolean allApplied,
      @Nullable String error,
      Map<String, Long> stepsByRule,
      List<PlanJson> plans) {
    static final String WALKING = "walking";
    static final String APPLYING = "applying";
    static final String DONE = "done";
    static final String STOPPED = "stopped";
    static final String FAILED = "failed";

    DryRunTally tally() {
      return DryRunTally.of(stepsByRule, plans.stream().map(PlanJson::toPlan).toList());
    }
  }
}

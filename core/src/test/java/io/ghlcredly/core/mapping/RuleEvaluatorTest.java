package io.ghlcredly.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.model.BadgeTemplateId;
import io.ghlcredly.core.model.RuleId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {
  private static final BadgeTemplateId TEMPLATE =
      new BadgeTemplateId("3f1c9d2e-0000-4000-8000-000000000101");
  private static final BadgeTemplateId OTHER =
      new BadgeTemplateId("3f1c9d2e-0000-4000-8000-000000000202");
  private static final Instant VERSION = Instant.parse("2026-03-01T10:00:00Z");

  private final RuleEvaluator evaluator = new RuleEvaluator();

  @Test
  void firesOnceForEachActionOfTheMatchingRuleInOrder() {
    Action issue = new Action.IssueBadge(TEMPLATE, null);
    Action revokeOther = new Action.RevokeBadges(OTHER, fixedText("upgraded"));
    RuleSet rules =
        new RuleSet(
            List.of(
                new Rule(new RuleId("r1"), new Condition.TagAdded("Course-101"), List.of(issue)),
                new Rule(
                    new RuleId("r2"),
                    new Condition.TagAdded("course-101"),
                    List.of(issue, revokeOther))));
    Trigger added = new Trigger.TagAdded("course-101", VERSION);

    List<PlannedAction> planned = evaluator.evaluate(rules, List.of(added));

    assertThat(planned)
        .containsExactly(
            new PlannedAction(new RuleId("r1"), issue, added, 0),
            new PlannedAction(new RuleId("r2"), issue, added, 0),
            new PlannedAction(new RuleId("r2"), revokeOther, added, 1));
  }

  @Test
  void tagConditionsIgnoreCaseAndSpacesButNotOtherTags() {
    assertThat(
            RuleEvaluator.matches(
                new Condition.TagAdded("  VIP "), new Trigger.TagAdded("vip", VERSION)))
        .isTrue();
    assertThat(
            RuleEvaluator.matches(
                new Condition.TagAdded("vip"), new Trigger.TagAdded("vip-2", VERSION)))
        .isFalse();
    assertThat(
            RuleEvaluator.matches(
                new Condition.TagRemoved("vip"), new Trigger.TagAdded("vip", VERSION)))
        .isFalse();
  }

  @Test
  void statusChangeMatchesItsFromAndToValuesIgnoringCase() {
    Trigger refunded = new Trigger.FieldChanged("status", "active", "Refunded", VERSION);

    assertThat(
            RuleEvaluator.matches(new Condition.FieldChanged("status", null, "refunded"), refunded))
        .isTrue();
    assertThat(
            RuleEvaluator.matches(new Condition.FieldChanged("status", "active", null), refunded))
        .isTrue();
    assertThat(RuleEvaluator.matches(new Condition.FieldChanged("status", "lead", null), refunded))
        .isFalse();
    assertThat(
            RuleEvaluator.matches(new Condition.FieldChanged("email", null, "refunded"), refunded))
        .isFalse();
  }

  @Test
  void taskConditionsMatchTheTitlePattern() {
    Condition exam = new Condition.TaskCompleted(new TitlePattern("Certification exam*"));

    assertThat(
            RuleEvaluator.matches(
                exam, new Trigger.TaskCompleted("t1", "certification EXAM – part 2")))
        .isTrue();
    assertThat(RuleEvaluator.matches(exam, new Trigger.TaskCompleted("t1", "Onboarding call")))
        .isFalse();
    assertThat(RuleEvaluator.matches(exam, new Trigger.TaskCompleted("t1", null))).isFalse();
    assertThat(
            RuleEvaluator.matches(
                new Condition.TaskCompleted(TitlePattern.any()),
                new Trigger.TaskCompleted("t1", null)))
        .isTrue();
    assertThat(RuleEvaluator.matches(exam, new Trigger.TaskCreated("t1", "Certification exam")))
        .isFalse();
  }

  @Test
  void badgeConditionsMatchKindAndOptionalTemplate() {
    Trigger accepted =
        new Trigger.BadgeEvent(Condition.BadgeEventKind.ACCEPTED, "badge-1", TEMPLATE);

    assertThat(
            RuleEvaluator.matches(
                new Condition.CredlyBadge(Condition.BadgeEventKind.ACCEPTED, null), accepted))
        .isTrue();
    assertThat(
            RuleEvaluator.matches(
                new Condition.CredlyBadge(Condition.BadgeEventKind.ACCEPTED, OTHER), accepted))
        .isFalse();
    assertThat(
            RuleEvaluator.matches(
                new Condition.CredlyBadge(Condition.BadgeEventKind.REJECTED, null), accepted))
        .isFalse();
  }

  @Test
  void noteConditionLooksForTextInTheBody() {
    assertThat(
            RuleEvaluator.matches(
                new Condition.NoteCreated("graduated"),
                new Trigger.NoteCreated("n1", "She GRADUATED today")))
        .isTrue();
    assertThat(
            RuleEvaluator.matches(
                new Condition.NoteCreated("graduated"), new Trigger.NoteCreated("n1", null)))
        .isFalse();
    assertThat(
            RuleEvaluator.matches(
                new Condition.NoteCreated(null), new Trigger.NoteCreated("n1", null)))
        .isTrue();
  }

  @Test
  void titlePatternTreatsRegexCharactersLiterally() {
    assertThat(new TitlePattern("Exam (part 1)?").matches("exam (part 1)!")).isTrue();
    assertThat(new TitlePattern("Exam (part 1)").matches("Exam part 1")).isFalse();
    assertThat(new TitlePattern("a.c").matches("abc")).isFalse();
  }

  private static io.ghlcredly.core.template.Template fixedText(String text) {
    return new io.ghlcredly.core.template.Template() {
      @Override
      public String source() {
        return text;
      }

      @Override
      public String render(io.ghlcredly.core.template.TemplateModel model) {
        return text;
      }

      @Override
      public java.util.Set<String> variables() {
        return java.util.Set.of();
      }
    };
  }
}

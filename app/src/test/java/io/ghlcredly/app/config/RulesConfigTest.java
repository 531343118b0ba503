package io.ghlcredly.app.config;

import static io.ghlcredly.app.config.ConfigFixtures.minimalEnv;
import static io.ghlcredly.app.config.ConfigFixtures.minimalPlus;
import static io.ghlcredly.app.config.ConfigFixtures.resource;
import static io.ghlcredly.app.config.ConfigFixtures.validEnv;
import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.error.ConfigException.ConfigProblem;
import io.ghlcredly.core.mapping.Action;
import io.ghlcredly.core.mapping.Condition;
import io.ghlcredly.core.mapping.Rule;
import io.ghlcredly.core.model.BadgeTemplateId;
import io.ghlcredly.core.model.RuleId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesConfigTest {
  @TempDir Path directory;

  @Test
  void rulesBecomeARuleSetInFileOrderInLongAndShortForm() {
    AppConfig config = ConfigLoader.load(resource("valid.yaml"), validEnv());

    assertThat(config.rules().rules())
        .extracting(Rule::id, Rule::when)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                new RuleId("course-101"), new Condition.TagAdded("course-101-complete")),
            org.assertj.core.groups.Tuple.tuple(
                new RuleId("course-102"), new Condition.TagAdded("course-102-complete")));
    Action.IssueBadge first = (Action.IssueBadge) config.rules().rules().get(0).actions().get(0);
    assertThat(first.templateId())
        .isEqualTo(new BadgeTemplateId("3f1c9d2e-0000-4000-8000-000000000101"));
    assertThat(java.util.Objects.requireNonNull(first.evidence()).source())
        .isEqualTo("Course 101 completed");
  }

  @Test
  void templateMustBeAUuidInEitherForm() throws IOException {
    List<ConfigProblem> problems =
        check(
            """
            rules:
              - id: a
                when: { tag-added: x }
                do:
                  - issue-badge: 3f1c9d2e
                  - issue-badge: { template: "{{badge}}" }
            """);

    assertThat(problems)
        .containsExactly(
            new ConfigProblem(
                "rules[0].do[0].issue-badge",
                "must be a Credly badge template UUID, got '3f1c9d2e'"),
            new ConfigProblem(
                "rules[0].do[1].issue-badge.template",
                "must be a Credly badge template UUID, got '{{badge}}'"));
  }

  @Test
  void plannedConditionAndActionKindsAreRefusedByName() throws IOException {
    List<ConfigProblem> problems =
        check(
            """
            rules:
              - id: exam-passed
                when: { task-completed: { title-matches: "Certification exam*" } }
                do:
                  - issue-badge: { template: 3f1c9d2e-0000-4000-8000-000000000202 }
              - id: refunded
                when: { tag-added: refunded }
                do:
                  - revoke-badges: { reason: "Enrollment refunded" }
            """);

    assertThat(problems)
        .containsExactly(
            new ConfigProblem(
                "rules[0].when.task-completed",
                "not supported yet: task-completed (supported: tag-added)"),
            new ConfigProblem(
                "rules[1].do[0].revoke-badges",
                "not supported yet: revoke-badges (supported: issue-badge)"));
  }

  @Test
  void unknownConditionKindGetsSuggestion() throws IOException {
    List<ConfigProblem> problems =
        check(
            """
            rules:
              - id: a
                when: { tag-add: x }
                do: [ { issue-badge: 3f1c9d2e-0000-4000-8000-000000000202 } ]
            """);

    assertThat(problems)
        .containsExactly(
            new ConfigProblem(
                "rules[0].when.tag-add",
                "unknown condition (did you mean 'tag-added'?) (supported: tag-added)"));
  }

  @Test
  void duplicateRuleIdIsReportedWithFirstUse() throws IOException {
    List<ConfigProblem> problems =
        check(
            """
            rules:
              - id: same
                when: { tag-added: x }
                do: [ issue-badge: 3f1c9d2e-0000-4000-8000-000000000202 ]
              - id: same
                when: { tag-added: y }
                do: [ issue-badge: 3f1c9d2e-0000-4000-8000-000000000203 ]
            """);

    assertThat(problems)
        .containsExactly(
            new ConfigProblem("rules[1].id", "duplicate rule id 'same' (first used at rules[0])"));
  }

  @Test
  void ruleNeedsIdConditionAndAtLeastOneAction() throws IOException {
    List<ConfigProblem> problems =
        check(
            """
            rules:
              - do: []
              - id: "bad id"
                when: tag-added
                do: [ issue-badge: 3f1c9d2e-0000-4000-8000-000000000202 ]
            """);

    assertThat(problems)
        .containsExactly(
            new ConfigProblem(
                "rules[0].id", "is required (a name for this rule, unique in the file)"),
            new ConfigProblem(
                "rules[0].when",
                "is required, such as { tag-added: <tag> } (supported: tag-added)"),
            new ConfigProblem("rules[0].do", "needs at least one action (supported: issue-badge)"),
            new ConfigProblem(
                "rules[1].id", "must be 1 to 64 letters, digits, '.', '_' or '-', got 'bad id'"),
            new ConfigProblem(
                "rules[1].when",
                "must be a mapping such as { tag-added: <tag> }, not 'tag-added'"));
  }

  @Test
  void conditionAndActionEachHoldExactlyOneKind() throws IOException {
    List<ConfigProblem> problems =
        check(
            """
            rules:
              - id: a
                when: { tag-added: x, tag-removed: y }
                do:
                  - issue-badge: 3f1c9d2e-0000-4000-8000-000000000202
                    evidence: misplaced
            """);

    assertThat(problems)
        .containsExactly(
            new ConfigProblem(
                "rules[0].when",
                "needs exactly one condition (supported: tag-added), got: tag-added, tag-removed"),
            new ConfigProblem(
                "rules[0].do[0]",
                "needs exactly one action (supported: issue-badge), got: issue-badge, evidence"));
  }

  @Test
  void unknownKeysInsideRulesAreReported() throws IOException {
    List<ConfigProblem> problems =
        check(
            """
            rules:
              - id: a
                when: { tag-added: x }
                then: [ issue-badge: 3f1c9d2e-0000-4000-8000-000000000202 ]
            """);

    assertThat(problems)
        .containsExactly(
            new ConfigProblem("rules[0].then", "unknown key (did you mean 'do'?)"),
            new ConfigProblem("rules[0].do", "needs at least one action (supported: issue-badge)"));
  }

  @Test
  void ruleValuesAreInterpolated() throws IOException {
    Path file =
        minimalPlus(
            directory,
            """
            rules:
              - id: a
                when: { tag-added: "${COURSE_TAG}" }
                do: [ issue-badge: "${TEMPLATE}" ]
            """);
    var env = new java.util.HashMap<>(minimalEnv());
    env.put("COURSE_TAG", "course-9");
    env.put("TEMPLATE", "3f1c9d2e-0000-4000-8000-000000000909");

    Rule rule = ConfigLoader.load(file, env).rules().rules().get(0);

    assertThat(rule.when()).isEqualTo(new Condition.TagAdded("course-9"));
    assertThat(rule.actions())
        .containsExactly(
            new Action.IssueBadge(
                new BadgeTemplateId("3f1c9d2e-0000-4000-8000-000000000909"), null));
  }

  private List<ConfigProblem> check(String rules) throws IOException {
    return ConfigLoader.check(minimalPlus(directory, rules), minimalEnv());
  }
}

package io.ghlcredly.app.config;

import static io.ghlcredly.app.config.ConfigFixtures.minimalEnv;
import static io.ghlcredly.app.config.ConfigFixtures.minimalPlus;
import static io.ghlcredly.app.config.ConfigFixtures.resource;
import static io.ghlcredly.app.config.ConfigFixtures.validEnv;
import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.error.ConfigException.ConfigProblem;
import io.ghlcredly.core.mapping.Action;
import io.ghlcredly.core.mapping.Condition;
import io.ghlcredly.core.mapping.Condition.BadgeEventKind;
import io.ghlcredly.core.mapping.Rule;
import io.ghlcredly.core.mapping.TitlePattern;
import io.ghlcredly.core.model.BadgeTemplateId;
import io.ghlcredly.core.model.RuleId;
import io.ghlcredly.core.template.Template;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesConfigTest {
  private static final BadgeTemplateId T101 =
      new BadgeTemplateId("3f1c9d2e-0000-4000-8000-000000000101");
  private static final BadgeTemplateId T202 =
      new BadgeTemplateId("3f1c9d2e-0000-4000-8000-000000000202");
  private static final BadgeTemplateId T303 =
      new BadgeTemplateId("3f1c9d2e-0000-4000-8000-000000000303");

  @TempDir Path directory;

  @Test
  void everyConditionAndActionKindBindsToItsRecordInFileOrder() {
    AppConfig config = ConfigLoader.load(resource("every-kind.yaml"), minimalEnv());

    List<Rule> expected =
        List.of(
            rule(
                "course-101",
                new Condition.TagAdded("course-101-complete"),
                new Action.IssueBadge(T101, t("Course 101 completed"))),
            rule(
                "course-101-again",
                new Condition.TagAdded("course-101-redo"),
                new Action.IssueBadge(T101, null)),
            rule(
                "untagged",
                new Condition.TagRemoved("course-101-complete"),
                new Action.RevokeBadges(T101, t("Tag removed by {{rule.id}}"))),
            rule(
                "exam-passed",
                new Condition.TaskCompleted(new TitlePattern("Certification exam*")),
                new Action.IssueBadge(T202, t("{{task.title}}"))),
            rule(
                "exam-booked",
                new Condition.TaskCreated(new TitlePattern("Certification exam*")),
                new Action.AddTag(t("exam-booked"))),
            rule(
                "any-task",
                new Condition.TaskCompleted(TitlePattern.any()),
                new Action.RemoveTag(t("waiting-{{task.id}}"))),
            rule(
                "refunded",
                new Condition.FieldChanged("status", null, "refunded"),
                new Action.RevokeBadges(null, t("Enrollment refunded"))),
            rule(
                "email-changed",
                new Condition.FieldChanged("email", "old@example.com", null),
                new Action.UpsertRecord()),
            rule(
                "upgrade",
                new Condition.TagAdded("advanced"),
                new Action.ReplaceBadge(T101, T303, t("Upgraded"))),
            rule("created", new Condition.ContactCreated(), new Action.UpsertRecord()),
            rule("updated", new Condition.ContactUpdated(), new Action.UpsertRecord()),
            rule(
                "gone",
                new Condition.ContactDeleted(),
                new Action.RevokeBadges(null, t("Contact deleted")),
                new Action.DeleteRecord()),
            rule(
                "new-note",
                new Condition.NoteCreated("graduated"),
                new Action.AddTag(t("graduated")),
                new Action.AddNote(t("Seen: {{note.body}}"))),
            rule(
                "any-note",
                new Condition.NoteCreated(null),
                new Action.AddNote(t("Note {{note.id}} at {{now}}"))),
            rule(
                "badge-issued",
                new Condition.CredlyBadge(BadgeEventKind.CREATED, null),
                new Action.CreateTask(
                    t("Accept your badge: {{badge.name}}"),
                    t("{{badge.url}}"),
                    Duration.ofDays(7))),
            rule(
                "badge-accepted",
                new Condition.CredlyBadge(BadgeEventKind.ACCEPTED, T101),
                new Action.AddTag(t("credly-accepted")),
                new Action.AddNote(t("Accepted {{badge.name}}: {{badge.url}}")),
                new Action.CompleteTask(new TitlePattern("Accept your badge*")),
                new Action.CompleteTask(new TitlePattern("Reminder*")),
                new Action.CreateTask(t("Share it"), null, Duration.ofHours(12))));
    assertThat(config.rules().rules())
        .extracting(Object::toString)
        .containsExactlyElementsOf(expected.stream().map(Object::toString).toList());
  }

  @Test
  void mappingRecordKeysBecomeCredlyFieldNamesAndTemplatesUseTheLookupTables() {
    AppConfig config = ConfigLoader.load(resource("every-kind.yaml"), minimalEnv());

    Map<String, Template> record = config.rules().mapping().record();
    assertThat(record)
        .containsOnlyKeys("external_id", "email", "first_name", "last_name", "position_title");
    Template positionTitle = java.util.Objects.requireNonNull(record.get("position_title"));
    assertThat(positionTitle.variables()).containsExactly("contact.customField.level");
    assertThat(String.valueOf(config.rules().mapping().status()))
        .isEqualTo("{{contact.customField.student_status}}");
  }

  @Test
  void existingShortAndLongIssueBadgeFormsStillBindWithLowerCasedTemplate() {
    AppConfig config = ConfigLoader.load(resource("valid.yaml"), validEnv());

    assertThat(config.rules().rules())
        .extracting(Object::toString)
        .containsExactly(
            rule(
                    "course-101",
                    new Condition.TagAdded("course-101-complete"),
                    new Action.IssueBadge(T101, t("Course 101 completed")))
                .toString(),
            rule(
                    "course-102",
                    new Condition.TagAdded("course-102-complete"),
                    new Action.IssueBadge(
                        new BadgeTemplateId("3f1c9d2e-0000-4000-8000-000000000102"), null))
                .toString());
  }

  @Test
  void sameTemplateMayBeIssuedByTwoRules() throws IOException {
    AppConfig config =
        load(
            """
            rules:
              - id: a
                when: { tag-added: x }
                do: [ issue-badge: 3f1c9d2e-0000-4000-8000-000000000202 ]
              - id: b
                when: { tag-added: y }
                do: [ issue-badge: 3f1c9d2e-0000-4000-8000-000000000202 ]
            """);

    assertThat(config.rules().rules()).hasSize(2);
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
    Map<String, String> env = new HashMap<>(minimalEnv());
    env.put("COURSE_TAG", "course-9");
    env.put("TEMPLATE", "3f1c9d2e-0000-4000-8000-000000000909");

    Rule rule = ConfigLoader.load(file, env).rules().rules().get(0);

    assertThat(rule.when()).isEqualTo(new Condition.TagAdded("course-9"));
    assertThat(rule.actions())
        .containsExactly(
            new Action.IssueBadge(
                new BadgeTemplateId("3f1c9d2e-0000-4000-8000-000000000909"), null));
  }

  @Test
  void rulesWithProblemsAreLeftOutButOthersStillCheck() throws IOException {
    List<ConfigProblem> problems =
        check(
            """
            rules:
              - id: good
                when: { tag-added: x }
                do: [ issue-badge: 3f1c9d2e-0000-4000-8000-000000000202 ]
              - id: bad
                when: { tag-added: y }
                do: [ issue-badge: nope ]
            """);

    assertThat(problems)
        .containsExactly(
            new ConfigProblem(
                "rules[1].do[0].issue-badge", "must be a Credly badge template UUID, got 'nope'"));
  }

  private AppConfig load(String rules) throws IOException {
    return ConfigLoader.load(minimalPlus(directory, rules), minimalEnv());
  }

  private List<ConfigProblem> check(String rules) throws IOException {
    return ConfigLoader.check(minimalPlus(directory, rules), minimalEnv());
  }

  private static Rule rule(String id, Condition when, Action... actions) {
    return new Rule(new RuleId(id), when, List.of(actions));
  }

  private static Template t(String source) {
    return new SourceTemplate(source);
  }
}

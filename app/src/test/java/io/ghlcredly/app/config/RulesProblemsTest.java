package io.ghlcredly.app.config;

import static io.ghlcredly.app.config.ConfigFixtures.minimalEnv;
import static io.ghlcredly.app.config.ConfigFixtures.minimalPlus;
import static io.ghlcredly.app.config.ConfigFixtures.resource;
import static io.ghlcredly.app.config.ConfigFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.error.ConfigException.ConfigProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of rule and mapping problem is reported once, at its YAML path. */
class RulesProblemsTest {
  private static final String UUID = "3f1c9d2e-0000-4000-8000-000000000202";

  @TempDir Path directory;

  @Test
  void templateMustBeAUuidInEitherForm() throws IOException {
    assertThat(
            check(
                """
                rules:
                  - id: a
                    when: { tag-added: x }
                    do:
                      - issue-badge: 3f1c9d2e
                      - issue-badge: { template: "{{badge}}" }
                """))
        .containsExactly(
            new ConfigProblem(
                "rules[0].do[0].issue-badge",
                "must be a Credly badge template UUID, got '3f1c9d2e'"),
            new ConfigProblem(
                "rules[0].do[1].issue-badge.template",
                "must be a Credly badge template UUID, got '{{badge}}'"));
  }

  @Test
  void misspeltKindsGetASuggestion() throws IOException {
    assertThat(
            check(
                """
                rules:
                  - id: a
                    when: { tag-add: x }
                    do: [ { isue-badge: %s }, { ghl-add-tags: x } ]
                """
                    .formatted(UUID)))
        .containsExactly(
            new ConfigProblem(
                "rules[0].when.tag-add",
                "unknown condition (did you mean 'tag-added'?) (kinds: "
                    + ConditionBinder.kinds()
                    + ")"),
            new ConfigProblem(
                "rules[0].do[0].isue-badge",
                "unknown action (did you mean 'issue-badge'?) (kinds: "
                    + String.join(", ", ActionBinder.KINDS)
                    + ")"),
            new ConfigProblem(
                "rules[0].do[1].ghl-add-tags",
                "unknown action (did you mean 'ghl-add-tag'?) (kinds: "
                    + String.join(", ", ActionBinder.KINDS)
                    + ")"));
  }

  @Test
  void statusChangedNeedsMappingStatus() throws IOException {
    assertThat(
            check(
                """
                rules:
                  - id: refunded
                    when: { status-changed: { to: refunded } }
                    do: [ revoke-badges: { reason: Refunded } ]
                  - id: by-field
                    when: { field-changed: { field: status, from: active } }
                    do: [ revoke-badges: { reason: Left } ]
                """))
        .containsExactly(
            new ConfigProblem(
                "rules[0].when.status-changed",
                "needs mapping.status (what status means for this account), which is not set"),
            new ConfigProblem(
                "rules[1].when.field-changed.field",
                "needs mapping.status (what status means for this account), which is not set"));
  }

  @Test
  void templateCompileErrorsNameTheTemplatesPathAndTheCompilersMessage() throws IOException {
    List<ConfigProblem> problems =
        check(
            """
            rules:
              - id: a
                when: { tag-added: x }
                do: [ ghl-add-note: "Hello {{contact.firstName" ]
            """);

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).path()).isEqualTo("rules[0].do[0].ghl-add-note");
    assertThat(problems.get(0).reason())
        .startsWith("invalid template: template \"Hello {{contact.firstName\" at line 1:");
  }

  @Test
  void templatesMayReadOnlyWhatTheirTriggerProvides() throws IOException {
    assertThat(
            check(
                """
                rules:
                  - id: tagged
                    when: { tag-added: x }
                    do:
                      - ghl-add-note: "Badge {{badge.name}} for {{contact.firstName}} by {{rule.id}}"
                      - ghl-create-task: { title: "{{task.title}}", body: "{{note.body}}", due-in: 1d }
                  - id: task
                    when: { task-completed: "Exam*" }
                    do: [ ghl-add-tag: "{{task.title}} {{now}}" ]
                """))
        .containsExactly(
            new ConfigProblem(
                "rules[0].do[0].ghl-add-note",
                "reads 'badge.name', which a tag-added rule does not provide"
                    + " (badge.* is set only in credly-badge rules)"),
            new ConfigProblem(
                "rules[0].do[1].ghl-create-task.title",
                "reads 'task.title', which a tag-added rule does not provide"
                    + " (task.* is set only in task-created and task-completed rules)"),
            new ConfigProblem(
                "rules[0].do[1].ghl-create-task.body",
                "reads 'note.body', which a tag-added rule does not provide"
                    + " (note.* is set only in note-created rules)"));
  }

  @Test
  void aContactFieldGhlContactsDoNotHaveIsReportedWithASuggestion() throws IOException {
    assertThat(
            check(
                """
                rules:
                  - id: a
                    when: { tag-added: x }
                    do: [ ghl-add-tag: "{{contact.emial}} {{contact.customField.abc123}} {{contact.phone}}" ]
                """))
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.path()).isEqualTo("rules[0].do[0].ghl-add-tag");
              assertThat(problem.reason())
                  .startsWith(
                      "reads 'contact.emial', a field GHL contacts do not have (did you mean"
                          + " 'contact.email'?); contact fields: id, locationId, email,")
                  .endsWith("and custom fields as contact.customField.<id>");
            });
  }

  @Test
  void unknownVariableRootsAreReportedWithASuggestion() throws IOException {
    assertThat(
            check(
                """
                rules:
                  - id: a
                    when: { tag-added: x }
                    do: [ ghl-add-tag: "{{contat.email}}" ]
                """))
        .containsExactly(
            new ConfigProblem(
                "rules[0].do[0].ghl-add-tag",
                "reads unknown variable 'contat.email' (did you mean 'contact.email'?);"
                    + " variables start with contact, badge, task, note, rule, now"));
  }

  @Test
  void mappingRecordKeysAreCheckedAndEmployeesNeedExternalIdAndEmail() throws IOException {
    Path file =
        write(
            directory,
            withEmployees()
                + """
                mapping:
                  record:
                    first_name: "{{contact.firstName}}"
                    job-title: "{{contact.customField.role}}"
                    frist-name: "{{contact.firstName}}"
                    last-name: "{{badge.name}}"
                  status: "{{contact.status}}"
                """);

    assertThat(ConfigLoader.check(file, minimalEnv()))
        .containsExactly(
            new ConfigProblem(
                "mapping.record.first_name", "must be written in kebab case: 'first-name'"),
            new ConfigProblem(
                "mapping.record.job-title",
                "unknown Credly employee field (did you mean 'position-title'?)"),
            new ConfigProblem(
                "mapping.record.frist-name",
                "unknown Credly employee field (did you mean 'first-name'?)"),
            new ConfigProblem(
                "mapping.record.last-name",
                "reads 'badge.name', which the contact mapping does not provide"
                    + " (badge.* is set only in credly-badge rules)"),
            new ConfigProblem(
                "mapping.record.external-id",
                "is required when credly.records is employees (Credly keys employees by it)"),
            new ConfigProblem(
                "mapping.record.email",
                "is required when credly.records is employees (Credly keys employees by it)"),
            new ConfigProblem(
                "mapping.status", "cannot read contact.status, the value it defines"));
  }

  @Test
  void lookupTablesAreWhatTheLookupFilterKnows() throws IOException {
    List<ConfigProblem> problems =
        check(
            """
            mapping:
              status: "{{contact.customField.level | lookup('grades')}}"
              lookups:
                levels: { "1": Beginner }
                broken: [ a, b ]
            """);

    assertThat(problems)
        .extracting(ConfigProblem::path)
        .containsExactly("mapping.lookups.broken", "mapping.status");
    assertThat(problems.get(0).reason()).isEqualTo("must be a mapping of keys, not a list");
    assertThat(problems.get(1).reason()).startsWith("invalid template: ").contains("grades");
  }

  @Test
  void recordActionsNeedEmployeeRecords() throws IOException {
    assertThat(
            check(
                """
                rules:
                  - id: a
                    when: { contact-deleted: {} }
                    do: [ delete-record: {}, upsert-record: false ]
                """))
        .containsExactly(
            new ConfigProblem(
                "rules[0].do[0].delete-record",
                "needs credly.records: employees (records are off)"),
            new ConfigProblem(
                "rules[0].do[1].upsert-record",
                "takes no value: write upsert-record: {} , not 'false'"));
  }

  @Test
  void actionParametersAreValidated() throws IOException {
    assertThat(
            check(
                """
                rules:
                  - id: a
                    when: { credly-badge: acepted }
                    do:
                      - replace-badge: { from: %1$s, to: %1$s }
                      - revoke-badges: {}
                      - ghl-create-task: { title: "Call" }
                      - ghl-create-task: { title: "Call", due-in: soon }
                      - ghl-create-task: "Call"
                      - contact-created: {}
                """
                    .formatted(UUID)))
        .containsExactly(
            new ConfigProblem(
                "rules[0].when.credly-badge",
                "must be one of created, accepted, rejected, revoked, expired, deleted,"
                    + " got 'acepted'"),
            new ConfigProblem(
                "rules[0].do[0].replace-badge.to", "must differ from from (" + UUID + ")"),
            new ConfigProblem(
                "rules[0].do[1].revoke-badges.reason", "is required (shown to the earner)"),
            new ConfigProblem(
                "rules[0].do[2].ghl-create-task.due-in",
                "is required (when the task is due after it is created, such as 7d)"),
            new ConfigProblem(
                "rules[0].do[3].ghl-create-task.due-in",
                "must be a duration between 1m and 365d, such as 500ms, 30s, 5m, 2h or 7d,"
                    + " got 'soon'"),
            new ConfigProblem(
                "rules[0].do[4].ghl-create-task",
                "must be a mapping such as { title: \"Accept your badge\", due-in: 7d }, not 'Call'"),
            new ConfigProblem(
                "rules[0].do[5].contact-created",
                "unknown action (kinds: " + String.join(", ", ActionBinder.KINDS) + ")"));
  }

  @Test
  void ruleNeedsIdConditionAndAtLeastOneAction() throws IOException {
    assertThat(
            check(
                """
                rules:
                  - do: []
                  - id: "bad id"
                    when: tag-added
                    do: [ issue-badge: %s ]
                """
                    .formatted(UUID)))
        .containsExactly(
            new ConfigProblem(
                "rules[0].id", "is required (a name for this rule, unique in the file)"),
            new ConfigProblem(
                "rules[0].when",
                "is required, such as { tag-added: <tag> } (kinds: "
                    + ConditionBinder.kinds()
                    + ")"),
            new ConfigProblem(
                "rules[0].do",
                "needs at least one action (kinds: " + String.join(", ", ActionBinder.KINDS) + ")"),
            new ConfigProblem(
                "rules[1].id", "must be 1 to 64 letters, digits, '.', '_' or '-', got 'bad id'"),
            new ConfigProblem(
                "rules[1].when",
                "must be a mapping such as { tag-added: <tag> }, not 'tag-added'"));
  }

  @Test
  void conditionAndActionEachHoldExactlyOneKind() throws IOException {
    assertThat(
            check(
                """
                rules:
                  - id: a
                    when: { tag-added: x, tag-removed: y }
                    do:
                      - issue-badge: %s
                        evidence: misplaced
                """
                    .formatted(UUID)))
        .containsExactly(
            new ConfigProblem(
                "rules[0].when", "needs exactly one condition kind, got: tag-added, tag-removed"),
            new ConfigProblem(
                "rules[0].do[0]", "needs exactly one action kind, got: issue-badge, evidence"));
  }

  @Test
  void duplicateIdsAliasesAndUnknownKeysAreReported() throws IOException {
    assertThat(
            check(
                """
                rules:
                  - id: same
                    when: { note-created: { body-contain: x } }
                    do: [ issue-badge: %1$s ]
                  - id: same
                    when: { tag-added: y }
                    then: [ issue-badge: %1$s ]
                """
                    .formatted(UUID)))
        .containsExactlyInAnyOrder(
            new ConfigProblem("rules[1].id", "duplicate rule id 'same' (first used at rules[0])"),
            new ConfigProblem("rules[1].then", "unknown key (did you mean 'do'?)"),
            new ConfigProblem(
                "rules[1].do",
                "needs at least one action (kinds: " + String.join(", ", ActionBinder.KINDS) + ")"),
            new ConfigProblem(
                "rules[0].when.note-created.body-contain",
                "unknown key (did you mean 'body-contains'?)"));
  }

  private List<ConfigProblem> check(String yaml) throws IOException {
    return ConfigLoader.check(minimalPlus(directory, yaml), minimalEnv());
  }

  private static String withEmployees() throws IOException {
    return Files.readString(resource("minimal.yaml"))
        .replace("credly:\n", "credly:\n  records: employees\n");
  }
}

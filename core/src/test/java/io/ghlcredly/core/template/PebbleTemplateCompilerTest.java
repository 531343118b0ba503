package io.ghlcredly.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ghlcredly.core.error.MappingException;
import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.LocationId;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PebbleTemplateCompilerTest {
  private static final Instant NOW = Instant.parse("2025-03-04T05:06:07Z");
  private static final TemplateCompiler COMPILER =
      Templates.compiler(
          Map.of("levels", Map.of("1", "Bronze", "2", "Silver"), "regions", Map.of()));

  private static Contact contact() {
    return new Contact(
        new ContactId("c-1"),
        new LocationId("loc-1"),
        "  Ada@Example.COM ",
        "Ada",
        "Lovelace",
        Set.of("vip", "alumni", "beta"),
        Instant.parse("2025-01-02T03:04:05Z"),
        Map.of("dateAdded", "2024-12-31T23:30:00.000Z", "companyName", "Engines & <Co>"),
        Map.of("abc123", "2", "birthday", "1815-12-10"));
  }

  private static TemplateModel model() {
    return TemplateModel.of(contact(), "paid", NOW);
  }

  private static String render(String source) {
    return render(source, model());
  }

  private static String render(String source, TemplateModel model) {
    return COMPILER.compile(source).render(model);
  }

  @Nested
  class Rendering {
    @Test
    void rendersContactFieldsAndTheFullName() {
      assertThat(render("{{contact.firstName}} {{contact.lastName}} = {{ contact.name }}"))
          .isEqualTo("Ada Lovelace = Ada Lovelace");
    }

    @Test
    void trimsAndLowersTheEmail() {
      assertThat(render("{{contact.email | trim | lower}}")).isEqualTo("ada@example.com");
    }

    @Test
    void rendersBadgeTaskNoteRuleAndNow() {
      TemplateModel model =
          model()
              .withBadge(Map.of("name", "Gold", "url", "https://example.test/b/1"))
              .withTask(Map.of("title", "Call"))
              .withNote(Map.of("body", "hi"))
              .withRule("rule-7");
      assertThat(
              render(
                  "Accepted {{badge.name}}: {{badge.url}} {{task.title}} {{note.body}}"
                      + " {{rule.id}} {{now}}",
                  model))
          .isEqualTo("Accepted Gold: https://example.test/b/1 Call hi rule-7 2025-03-04T05:06:07Z");
    }

    @Test
    void rendersIdsStatusAttributesAndDateUpdated() {
      assertThat(
              render(
                  "{{contact.id}}/{{contact.locationId}}/{{contact.status}}/"
                      + "{{contact.companyName}}/{{contact.dateUpdated}}"))
          .isEqualTo("c-1/loc-1/paid/Engines & <Co>/2025-01-02T03:04:05Z");
    }

    @Test
    void joinsTagsInSortedOrder() {
      assertThat(render("{{contact.tags | join(', ')}}")).isEqualTo("alumni, beta, vip");
    }

    @Test
    void rendersAbsentValuesAsEmptyText() {
      assertThat(
              render(
                  "[{{contact.customField.unknown}}][{{badge.url}}][{{rule.id}}][{{nothing.at.all}}]"
                      + "[{{contact.phone | trim | lower}}]"))
          .isEqualTo("[][][][][]");
    }

    @Test
    void rendersEmptyTextWhenThereIsNoContact() {
      assertThat(
              render(
                  "[{{contact.email}}][{{contact.name}}][{{contact.status}}]",
                  TemplateModel.of(null, "paid", NOW)))
          .isEqualTo("[][][paid]");
    }

    @Test
    void rendersTheNameFromTheFirstNameAloneWithoutTrailingSpace() {
      Contact firstOnly =
          new Contact(new ContactId("c-2"), new LocationId("l"), null, "Ada", null, Set.of(), null);
      assertThat(render("[{{contact.name}}]", TemplateModel.of(firstOnly, null, NOW)))
          .isEqualTo("[Ada]");
    }

    @Test
    void doesNotEscapeHtml() {
      assertThat(render("{{ contact.companyName }} & <b>{{ '\"quoted\"' }}</b>"))
          .isEqualTo("Engines & <Co> & <b>\"quoted\"</b>");
    }

    @Test
    void appliesPebbleBuiltInFilters() {
      assertThat(render("{{ contact.firstName | upper }}")).isEqualTo("ADA");
      assertThat(render("{{ 'ada lovelace' | title }}")).isEqualTo("Ada Lovelace");
      assertThat(render("{{ 'ada' | capitalize }}")).isEqualTo("Ada");
      assertThat(render("{{ contact.lastName | abbreviate(4) }}")).isEqualTo("L...");
      assertThat(render("{{ contact.lastName | replace({'lace': 'LACE'}) }}"))
          .isEqualTo("LoveLACE");
      assertThat(render("{{ contact.phone | default('none') }}")).isEqualTo("none");
    }

    @Test
    void supportsIfBlocks() {
      assertThat(render("{% if contact.phone %}call{% else %}mail{% endif %}")).isEqualTo("mail");
    }

    @Test
    void rendersTheSameTemplateManyTimesFromManyThreads() throws InterruptedException {
      Template template = COMPILER.compile("{{contact.firstName | upper}}-{{rule.id}}");
      Thread[] threads = new Thread[4];
      String[] failures = new String[threads.length];
      for (int t = 0; t < threads.length; t++) {
        int index = t;
        threads[t] =
            new Thread(
                () -> {
                  for (int i = 0; i < 500; i++) {
                    String out = template.render(model().withRule("r" + index));
                    if (!out.equals("ADA-r" + index)) {
                      failures[index] = out;
                    }
                  }
                });
        threads[t].start();
      }
      for (Thread thread : threads) {
        thread.join();
      }
      assertThat(failures).containsOnlyNulls();
    }
  }

  @Nested
  class Lookup {
    @Test
    void mapsAValueThroughTheNamedTable() {
      assertThat(render("{{contact.customField.abc123 | lookup('levels') | default('none')}}"))
          .isEqualTo("Silver");
    }

    @Test
    void passesAValueTheTableDoesNotHoldThroughUnchanged() {
      assertThat(render("{{ contact.firstName | lookup('levels') }}")).isEqualTo("Ada");
    }

    @Test
    void leavesAnAbsentValueAbsentSoDefaultApplies() {
      assertThat(render("{{contact.customField.nope | lookup('levels') | default('none')}}"))
          .isEqualTo("none");
    }

    @Test
    void rejectsAnUnknownTableNamingItAndTheTablesThatExist() {
      assertThatThrownBy(() -> COMPILER.compile("x\n{{ contact.email | lookup('tiers') }}"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("unknown lookup table 'tiers'")
          .hasMessageContaining("levels, regions")
          .hasMessageContaining("line 2");
    }

    @Test
    void rejectsATableNameThatIsNotQuotedText() {
      assertThatThrownBy(() -> COMPILER.compile("{{ contact.email | lookup(contact.id) }}"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("lookup needs a table name in quotes");
    }

    @Test
    void copiesTheTablesSoLaterChangesDoNotLeakIn() {
      Map<String, String> table = new java.util.HashMap<>(Map.of("a", "A"));
      TemplateCompiler compiler = Templates.compiler(Map.of("t", table));
      Template template = compiler.compile("{{ contact.firstName | lookup('t') }}");
      table.put("Ada", "changed");
      assertThat(template.render(model())).isEqualTo("Ada");
    }
  }

  @Nested
  class Dates {
    @ParameterizedTest
    @CsvSource({
      "2024-12-31T23:30:00.000Z, 2024-12-31 23:30",
      "2024-12-31T23:30:00Z, 2024-12-31 23:30",
      "2025-01-01T01:30:00+02:00, 2024-12-31 23:30",
      "2024-12-31T18:30:00-05:00, 2024-12-31 23:30",
      "2024-12-31T23:30:00, 2024-12-31 23:30",
      "2024-12-31, 2024-12-31 00:00",
    })
    void formatsGhlDatesInUtc(String value, String expected) {
      TemplateModel model = TemplateModel.of(contactWithAttribute("dateAdded", value), null, NOW);
      assertThat(render("{{contact.dateAdded | date('yyyy-MM-dd HH:mm')}}", model))
          .isEqualTo(expected);
    }

    @Test
    void formatsWithAPatternGivenByName() {
      assertThat(render("{{ contact.customField.birthday | date(format='d MMMM yyyy') }}"))
          .isEqualTo("10 December 1815");
    }

    @Test
    void formatsAsPlainDateWithoutAPattern() {
      assertThat(render("{{ contact.dateAdded | date }}")).isEqualTo("2024-12-31");
    }

    @Test
    void formatsNow() {
      assertThat(render("{{ now | date('yyyy-MM-dd') }}")).isEqualTo("2025-03-04");
    }

    @Test
    void leavesAnAbsentDateEmpty() {
      assertThat(render("[{{ contact.customField.none | date('yyyy') }}]")).isEqualTo("[]");
    }

    @Test
    void failsWithAMappingExceptionNamingTheVariableButNotTheValue() {
      TemplateModel model =
          TemplateModel.of(contactWithAttribute("dateAdded", "secret-ish"), null, NOW)
              .withRule("rule-9");
      Template template = COMPILER.compile("{{ contact.dateAdded | trim | date('yyyy') }}");
      assertThatThrownBy(() -> template.render(model))
          .isInstanceOf(MappingException.class)
          .hasMessageContaining("rule-9")
          .hasMessageContaining("contact.dateAdded")
          .hasMessageContaining("10 characters")
          .hasMessageNotContaining("secret-ish")
          .satisfies(error -> assertThat(error.getCause()).isNull());
    }

    @Test
    void rejectsAnInvalidPatternWhenCompiling() {
      assertThatThrownBy(() -> COMPILER.compile("{{ now | date('yyyy-MM-dd bbb') }}"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("invalid date pattern 'yyyy-MM-dd bbb'")
          .hasMessageContaining("line 1");
    }

    private static Contact contactWithAttribute(String name, String value) {
      return new Contact(
          new ContactId("c-3"),
          new LocationId("l"),
          null,
          null,
          null,
          Set.of(),
          null,
          Map.of(name, value),
          Map.of());
    }
  }

  @Nested
  class CompileErrors {
    @Test
    void rejectsAnUnclosedExpressionWithItsLine() {
      assertThatThrownBy(() -> COMPILER.compile("Hello\n{{ contact.firstName "))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("line 2")
          .hasMessageContaining("unclosed {{")
          .hasMessageNotContaining("\u0000");
    }

    @Test
    void rejectsAnUnknownFilterNamingIt() {
      assertThatThrownBy(() -> COMPILER.compile("{{ contact.email | shout }}"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("shout")
          .hasMessageContaining("line 1");
    }

    @Test
    void rejectsBadSyntax() {
      assertThatThrownBy(() -> COMPILER.compile("{{ contact. }}"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("line 1");
    }

    @Test
    void rejectsIncludesAndMacros() {
      assertThatThrownBy(() -> COMPILER.compile("{% include 'other' %}"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("include");
      assertThatThrownBy(() -> COMPILER.compile("{% macro m() %}x{% endmacro %}"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("macro");
      assertThatThrownBy(() -> COMPILER.compile("{% import 'other' %}"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("import");
    }

    @Test
    void rejectsFunctionCalls() {
      assertThatThrownBy(() -> COMPILER.compile("{{ range(1, 100000000) }}"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("range");
    }

    @Test
    void rejectsMethodCallsOnTheModel() {
      assertThatThrownBy(() -> COMPILER.compile("{{ contact.getClass() }}"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("method calls are not supported: contact.getClass()");
    }
  }

  @Nested
  class Sandbox {
    @Test
    void doesNotReachJavaMembersThroughAttributes() {
      assertThat(
              render(
                  "[{{ contact.class }}][{{ contact.email.bytes }}][{{ contact.email.class.name }}]"
                      + "[{{ contact.tags.size }}][{{ contact.email.CASE_INSENSITIVE_ORDER }}]"
                      + "[{{ contact.empty }}]"))
          .isEqualTo("[][][][][][]");
    }

    @Test
    void readsListElementsByIndex() {
      assertThat(render("{{ contact.tags[0] }}|{{ contact.tags[9] }}|")).isEqualTo("alumni||");
    }
  }

  @Nested
  class Variables {
    @Test
    void listsTheDottedPathsTheTemplateReads() {
      Template template =
          COMPILER.compile(
              "{{contact.email | trim | lower}} {{badge.url}}"
                  + " {{contact.customField.abc123 | lookup('levels') | default(contact.firstName)}}"
                  + "{% if task.title is not null %}{{ now }}{% endif %}");
      assertThat(template.variables())
          .containsExactlyInAnyOrder(
              "contact.email",
              "badge.url",
              "contact.customField.abc123",
              "contact.firstName",
              "task.title",
              "now");
    }

    @Test
    void hasNoVariablesForPlainText() {
      assertThat(COMPILER.compile("just text").variables()).isEmpty();
    }

    @Test
    void knowsTheRootsAModelProvides() {
      assertThat(Templates.knownRoots())
          .containsExactlyInAnyOrder("contact", "badge", "task", "note", "rule", "now");
    }
  }

  @Test
  void keepsTheSourceAsWrittenAndAsItsString() {
    String source = "Accepted {{ badge.name }}";
    Template template = COMPILER.compile(source);
    assertThat(template.source()).isEqualTo(source);
    assertThat(template).hasToString(source);
  }
}

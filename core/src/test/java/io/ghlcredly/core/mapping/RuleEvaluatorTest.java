package io.ghlcredly.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.model.BadgeTemplateId;
import io.ghlcredly.core.model.Contact;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.ContactSnapshot;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.core.model.RuleId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {
  private static final BadgeTemplateId TEMPLATE =
      new BadgeTemplateId("3f1c9d2e-0000-4000-8000-000000000101");
  private static final RuleSet RULES =
      new RuleSet(
          List.of(
              new Rule(
                  new RuleId("course-101"),
                  new Condition.TagAdded("Course-101-Complete"),
                  List.of(new Action.IssueBadge(TEMPLATE, null)))));

  private final RuleEvaluator evaluator = new RuleEvaluator();

  @Test
  void firesWhenTheTagIsNewIgnoringCase() {
    ContactChange change =
        new ContactChange(snapshot(Set.of("vip")), contact(Set.of("vip", "course-101-complete")));

    assertThat(evaluator.evaluate(RULES, change))
        .containsExactly(
            new PlannedAction(new RuleId("course-101"), new Action.IssueBadge(TEMPLATE, null)));
  }

  @Test
  void doesNotFireWhenTheTagWasAlreadyThere() {
    ContactChange change =
        new ContactChange(
            snapshot(Set.of("course-101-complete")), contact(Set.of("course-101-complete", "vip")));

    assertThat(evaluator.evaluate(RULES, change)).isEmpty();
  }

  @Test
  void treatsEveryTagAsAddedForAContactSeenForTheFirstTime() {
    ContactChange change =
        new ContactChange(Optional.empty(), contact(Set.of("course-101-complete")));

    assertThat(evaluator.evaluate(RULES, change)).hasSize(1);
  }

  @Test
  void doesNotFireWhenTheTagIsRemoved() {
    ContactChange change =
        new ContactChange(snapshot(Set.of("course-101-complete")), contact(Set.of()));

    assertThat(evaluator.evaluate(RULES, change)).isEmpty();
  }

  private static Optional<ContactSnapshot> snapshot(Set<String> tags) {
    return Optional.of(new ContactSnapshot(new ContactId("c1"), tags, null, Instant.EPOCH));
  }

  private static Contact contact(Set<String> tags) {
    return new Contact(
        new ContactId("c1"), new LocationId("l1"), "a@example.com", "A", "B", tags, null);
  }
}

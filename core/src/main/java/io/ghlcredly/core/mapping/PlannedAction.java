package io.ghlcredly.core.mapping;

import io.ghlcredly.core.model.RuleId;

/** An action a rule wants done, with the rule that asked for it (for logs and dead letters). */
public record PlannedAction(RuleId ruleId, Action action) {}

package io.ghlcredly.app;

import io.ghlcredly.core.mapping.RuleSet;
import io.ghlcredly.core.model.WorkspaceId;

/** The rules and mapping in force in each workspace; they may change while the service runs. */
@FunctionalInterface
public interface WorkspaceRules {
  /** The workspace's rules now; every job reads them once, when it starts. */
  RuleSet rules(WorkspaceId workspace);
}

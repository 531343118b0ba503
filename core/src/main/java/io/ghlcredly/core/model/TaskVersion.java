package io.ghlcredly.core.model;

import org.jspecify.annotations.Nullable;

/** A CRM task as a poll sees it: enough to tell a completion that no webhook reported. */
public record TaskVersion(String taskId, @Nullable String title, boolean completed) {
  public TaskVersion {
    if (taskId.isBlank()) {
      throw new IllegalArgumentException("taskId must not be blank");
    }
  }
}

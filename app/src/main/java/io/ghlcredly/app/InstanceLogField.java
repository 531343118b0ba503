package io.ghlcredly.app;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Puts the instance name on every JSON log line (field {@code instance}): with several instances on
 * one database, their merged logs still tell which one wrote a line. The JSON layout writes the
 * logging context's properties as fields; the text layout leaves them out.
 */
final class InstanceLogField {
  static final String FIELD = "instance";

  private InstanceLogField() {}

  static void set(String instanceName) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.putProperty(FIELD, instanceName);
    }
  }
}

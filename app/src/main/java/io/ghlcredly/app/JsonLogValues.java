package io.ghlcredly.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.ghlcredly.core.model.Secret;
import java.nio.file.Path;
import net.logstash.logback.decorate.JsonFactoryDecorator;

/**
 * Makes JSON log lines carry logged values as the text layout shows them: a typed id ({@code
 * ContactId}) becomes its plain value rather than {@code {"value": …}}, a path its file name. Any
 * record is written through {@code toString()}, never through its components, so a record that
 * hides its content cannot be unpacked by the JSON writer; a {@link Secret} prints {@code ***}.
 * Named by {@code logback-json.xml}; stateless.
 */
public final class JsonLogValues implements JsonFactoryDecorator {
  @Override
  public JsonFactory decorate(JsonFactory factory) {
    if (factory.getCodec() instanceof ObjectMapper mapper) {
      mapper.registerModule(
          new SimpleModule("ghl-credly-log-values")
              .addSerializer(Record.class, ToStringSerializer.instance)
              .addSerializer(Path.class, ToStringSerializer.instance)
              // Never logged on purpose; should one slip in, it prints ***.
              .addSerializer(Secret.class, ToStringSerializer.instance));
    }
    return factory;
  }
}

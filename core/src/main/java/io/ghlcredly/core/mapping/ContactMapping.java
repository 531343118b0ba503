package io.ghlcredly.core.mapping;

import io.ghlcredly.core.template.Template;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a GHL contact becomes a Credly record, and what "status" means for this account.
 *
 * @param record the record's fields by Credly name ({@code external_id}, {@code email}, {@code
 *     first_name}, {@code last_name}, others as the provider allows), each a template; empty when
 *     no record is kept
 * @param status the template whose value is the contact's status, or null when none is mapped
 */
public record ContactMapping(Map<String, Template> record, @Nullable Template status) {
  public ContactMapping {
    record = Collections.unmodifiableMap(new LinkedHashMap<>(record));
  }

  public static ContactMapping none() {
    return new ContactMapping(Map.of(), null);
  }
}

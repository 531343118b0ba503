package io.ghlcredly.credly.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of Workforce employees. */
public record EmployeePage(List<EmployeeDto> data, @Nullable PageMetadata metadata)
    implements PageOf<EmployeeDto> {
  public EmployeePage {
    data = data == null ? List.of() : List.copyOf(data);
  }
}

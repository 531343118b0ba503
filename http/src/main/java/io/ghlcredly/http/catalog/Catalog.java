package io.ghlcredly.http.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every action and trigger of the connectors, by name. Immutable and thread-safe. */
public final class Catalog {
  private final Map<String, Operation> operations;
  private final List<TriggerSpec> triggers;

  public Catalog(List<Operation> operations, List<TriggerSpec> triggers) {
    Map<String, Operation> byName = new LinkedHashMap<>();
    for (Operation operation : operations) {
      if (byName.put(operation.spec().name(), operation) != null) {
        throw new IllegalArgumentException("duplicate operation " + operation.spec().name());
      }
    }
    this.operations = byName;
    List<TriggerSpec> sorted = new ArrayList<>(triggers);
    sorted.sort(Comparator.comparing(TriggerSpec::name));
    this.triggers = List.copyOf(sorted);
  }

  public List<OperationSpec> operations() {
    return operations.values().stream()
        .map(Operation::spec)
        .sorted(Comparator.comparing(OperationSpec::name))
        .toList();
  }

  public List<TriggerSpec> triggers() {
    return triggers;
  }

  public Optional<Operation> find(String name) {
    return Optional.ofNullable(operations.get(name));
  }
}

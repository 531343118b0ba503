package io.ghlcredly.ghl.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.ValidationReport;
import io.ghlcredly.testkit.ghl.GhlExchange;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The validator setup catches what HighLevel would refuse: proof that the contract test can fail.
 */
class GhlOpenApiSpecTest {
  private static final GhlOpenApiSpec SPEC = new GhlOpenApiSpec();
  private static final Map<String, String> HEADERS =
      Map.of(
          "version", "2021-07-28",
          "authorization", "Bearer t",
          "content-type", "application/json");

  @Test
  void acceptsAWellFormedUpdate() {
    assertThat(errors(request("PUT", "/contacts/abc", "", "{\"firstName\":\"Ada\"}"))).isZero();
  }

  @Test
  void refusesABodyPropertyTheSchemaDoesNotDeclare() {
    assertThat(errors(request("PUT", "/contacts/abc", "", "{\"locationId\":\"l1\"}"))).isPositive();
  }

  @Test
  void refusesAMissingRequiredBodyField() {
    assertThat(errors(request("POST", "/contacts/abc/tasks", "", "{\"title\":\"Call\"}")))
        .isPositive();
  }

  @Test
  void refusesAMissingVersionHeader() {
    EmulatorRequest request =
        new EmulatorRequest(
            "GET", "/contacts/abc", "", Map.of("authorization", "Bearer t"), Map.of(), "");
    assertThat(errors(SPEC.validateRequest(request))).isPositive();
  }

  @Test
  void refusesAQueryParameterTheOperationDoesNotDeclare() {
    assertThat(errors(request("GET", "/contacts/", "locationId=l1&pageSize=5", ""))).isPositive();
  }

  @Test
  void refusesAResponseOfTheWrongShape() {
    EmulatorRequest request =
        new EmulatorRequest("GET", "/contacts/abc/tasks", "", HEADERS, Map.of(), "");
    GhlExchange wrong =
        new GhlExchange(
            request, EmulatorResponse.json(200, "{\"tasks\":[{\"completed\":\"yes\"}]}"));
    GhlExchange extra =
        new GhlExchange(request, EmulatorResponse.json(200, "{\"tasks\":[],\"next\":1}"));

    assertThat(errors(SPEC.validateResponse(wrong))).isPositive();
    assertThat(errors(SPEC.validateResponse(extra))).isPositive();
  }

  private static ValidationReport request(String method, String path, String query, String body) {
    return SPEC.validateRequest(new EmulatorRequest(method, path, query, HEADERS, Map.of(), body));
  }

  private static long errors(ValidationReport report) {
    return report.getMessages().stream()
        .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
        .count();
  }
}

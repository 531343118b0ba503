package io.ghlcredly.ghl.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ghlcredly.testkit.ghl.GhlExchange;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One of HighLevel's official app specs (test resources, unchanged copies: contacts.json,
 * locations.json, oauth.json) made usable by an OpenAPI validator: the common schemas it refers to
 * by relative path are merged in, and, for contacts.json, a few named corrections fix what the
 * official file gets wrong or leaves out. Each correction touches exactly the schema at fault;
 * nothing is loosened globally. Validation is strict: properties a schema does not declare are
 * errors (HighLevel itself answers 422 "property X should not exist"), and so are undeclared query
 * parameters.
 */
final class GhlOpenApiSpec {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String COMMON_REF = "../common/common-schemas.json#/components/schemas/";

  private final ObjectNode spec;
  private final OpenApiInteractionValidator validator;

  /** apps/contacts.json, with its corrections. */
  GhlOpenApiSpec() {
    this("contacts.json");
  }

  /**
   * The app spec in this test resource file, such as {@code locations.json}, narrowed to {@code
   * paths} when any are given (see {@link #keepOnly}).
   */
  GhlOpenApiSpec(String file, String... paths) {
    this.spec = load(file);
    mergeCommonSchemas(spec, load("common-schemas.json"));
    if (file.equals("contacts.json")) {
      correctContacts();
    }
    if (paths.length > 0) {
      keepOnly(List.of(paths));
    }
    this.validator =
        OpenApiInteractionValidator.createForInlineApiSpecification(spec.toString())
            .withLevelResolver(
                LevelResolver.create()
                    .withLevel(
                        "validation.schema.additionalProperties", ValidationReport.Level.ERROR)
                    .withLevel(
                        "validation.request.parameter.query.unexpected",
                        ValidationReport.Level.ERROR)
                    .build())
            .build();
  }

  private void correctContacts() {
    ObjectNode schemas = (ObjectNode) spec.path("components").path("schemas");
    describeSearchBody(schemas);
    describeSearchResponse(schemas);
    describeDuplicateResponse();
    addMetaToContactList(schemas);
    addFieldsRealListItemsCarry(schemas);
    readDateOfBirthAsText(schemas);
    readCustomFieldValuesOfAnyType(schemas);
    addDuplicateMetaToBadRequest(schemas);
    declareBulkTagsTypeParameter();
  }

  /** The operation with this operationId. */
  SpecOperation operation(String operationId) {
    return operations().stream()
        .filter(operation -> operation.operationId().equals(operationId))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no operation " + operationId));
  }

  /** The operations of the official file, in file order. */
  List<SpecOperation> operations() {
    List<SpecOperation> operations = new ArrayList<>();
    spec.path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        method ->
                            operations.add(
                                SpecOperation.of(
                                    path.getKey(), method.getKey(), method.getValue()))));
    return operations;
  }

  /**
   * What the spec says of one operation.
   *
   * @param scope the scope its first {@code security} requirement names (whatever the scheme:
   *     {@code bearer}, {@code Location-Access}…), or null when it declares none
   * @param params path and query parameters (the Version header left out), with whether required
   */
  record SpecOperation(
      String operationId,
      String method,
      String path,
      @Nullable String scope,
      Map<String, Boolean> params,
      boolean hasBody) {
    static SpecOperation of(String path, String method, JsonNode operation) {
      Map<String, Boolean> params = new TreeMap<>();
      operation
          .path("parameters")
          .forEach(
              param -> {
                if (!param.path("in").asText().equals("header")) {
                  params.put(param.path("name").asText(), param.path("required").asBoolean(false));
                }
              });
      JsonNode requirement = operation.path("security").path(0);
      JsonNode scope =
          requirement.isObject() && requirement.size() > 0
              ? requirement.elements().next().path(0)
              : requirement.path(0);
      return new SpecOperation(
          operation.path("operationId").asText(),
          method.toUpperCase(Locale.ROOT),
          path,
          scope.isTextual() ? scope.asText() : null,
          params,
          operation.has("requestBody"));
    }
  }

  ValidationReport validateRequest(EmulatorRequest request) {
    return validator.validateRequest(toRequest(request));
  }

  ValidationReport validateResponse(GhlExchange exchange) {
    EmulatorResponse response = exchange.response();
    SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.status());
    if (!response.body().isEmpty()) {
      builder.withContentType("application/json").withBody(response.body());
    }
    return validator.validateResponse(
        exchange.request().path(),
        Request.Method.valueOf(exchange.request().method().toUpperCase(Locale.ROOT)),
        builder.build());
  }

  private static SimpleRequest toRequest(EmulatorRequest request) {
    SimpleRequest.Builder builder = new SimpleRequest.Builder(request.method(), request.path());
    request.headers().forEach(builder::withHeader);
    for (Map.Entry<String, String> param : request.query().entrySet()) {
      builder.withQueryParam(param.getKey(), param.getValue());
    }
    if (!request.body().isEmpty()) {
      builder.withBody(request.body());
    }
    return builder.build();
  }

  // ---- resolution of the relative $refs (not a correction) ----

  private static void mergeCommonSchemas(ObjectNode spec, ObjectNode common) {
    ObjectNode schemas = (ObjectNode) spec.path("components").path("schemas");
    common
        .path("components")
        .path("schemas")
        .properties()
        .forEach(s -> schemas.set(s.getKey(), s.getValue()));
    rewriteRefs(spec);
  }

  private static void rewriteRefs(JsonNode node) {
    if (node instanceof ObjectNode object) {
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.asText().startsWith(COMMON_REF)) {
        object.put("$ref", "#/components/schemas/" + ref.asText().substring(COMMON_REF.length()));
      }
      object.forEach(GhlOpenApiSpec::rewriteRefs);
    } else if (node instanceof ArrayNode array) {
      array.forEach(GhlOpenApiSpec::rewriteRefs);
    }
  }

  // ---- corrections of the official file; each says why ----

  /**
   * Keeps only the given paths and the schemas they reach. locations.json is not a valid OpenAPI
   * document as a whole (array schemas without {@code items}, a {@code /timezones} path that never
   * declares its path parameter), so the validator refuses to load it; the operations we check are
   * not affected, and narrowing to them leaves the official text of those operations unchanged.
   */
  private void keepOnly(List<String> paths) {
    ObjectNode allPaths = (ObjectNode) spec.path("paths");
    allPaths.retain(paths);
    ObjectNode schemas = (ObjectNode) spec.path("components").path("schemas");
    Set<String> reached = new HashSet<>();
    collectSchemaRefs(allPaths, schemas, reached);
    schemas.retain(reached);
  }

  private static void collectSchemaRefs(JsonNode node, ObjectNode schemas, Set<String> reached) {
    if (node instanceof ObjectNode object) {
      JsonNode ref = object.get("$ref");
      String prefix = "#/components/schemas/";
      if (ref != null && ref.asText().startsWith(prefix)) {
        String name = ref.asText().substring(prefix.length());
        if (reached.add(name)) {
          collectSchemaRefs(schemas.path(name), schemas, reached);
        }
      }
      object.forEach(child -> collectSchemaRefs(child, schemas, reached));
    } else if (node instanceof ArrayNode array) {
      array.forEach(child -> collectSchemaRefs(child, schemas, reached));
    }
  }

  /**
   * {@code SearchBodyV2DTO} is an empty object in the spec; the body is documented elsewhere
   * (HighLevel's search docs, ghl.md §2.6): locationId and pageLimit required, page or searchAfter.
   */
  private static void describeSearchBody(ObjectNode schemas) {
    schemas.set(
        "SearchBodyV2DTO",
        json(
            """
            {"type":"object","required":["locationId","pageLimit"],"properties":{
              "locationId":{"type":"string"},
              "pageLimit":{"type":"integer","minimum":1,"maximum":500},
              "page":{"type":"integer","minimum":1},
              "searchAfter":{"type":"array","items":{}},
              "filters":{"type":"array","items":{"type":"object"}},
              "sort":{"type":"array","items":{"type":"object"}},
              "query":{"type":"string","maxLength":75}}}
            """));
  }

  /** The search's 200 has no schema; HighLevel answers {@code {contacts, total, traceId}}. */
  private void describeSearchResponse(ObjectNode schemas) {
    schemas.set(
        "SearchContactsResponse",
        json(
            """
            {"type":"object","properties":{
              "contacts":{"type":"array","items":{"$ref":"#/components/schemas/ContactsSearchSchema"}},
              "total":{"type":"number"},
              "traceId":{"type":"string"}}}
            """));
    setResponseSchema("/contacts/search", "post", "SearchContactsResponse");
  }

  /** The duplicate lookup's 200 has no schema; it answers {@code {contact?, traceId}}. */
  private void describeDuplicateResponse() {
    ObjectNode schemas = (ObjectNode) spec.path("components").path("schemas");
    schemas.set(
        "DuplicateContactResponse",
        json(
            """
            {"type":"object","properties":{
              "contact":{"$ref":"#/components/schemas/GetContectByIdSchema"},
              "traceId":{"type":"string"}}}
            """));
    setResponseSchema("/contacts/search/duplicate", "get", "DuplicateContactResponse");
  }

  /**
   * {@code GET /contacts/} answers carry the paging block {@code meta}; the spec defines it ({@code
   * ContactsMetaSchema}) but never references it.
   */
  private static void addMetaToContactList(ObjectNode schemas) {
    ((ObjectNode) schemas.path("ContactsSearchSuccessfulResponseDto").path("properties"))
        .set("meta", json("{\"$ref\":\"#/components/schemas/ContactsMetaSchema\"}"));
  }

  /**
   * {@code ContactsSearchSchema} lists a subset of what list and search items carry: names, phone,
   * company, type, dateUpdated, and (search) the {@code searchAfter} cursor.
   */
  private static void addFieldsRealListItemsCarry(ObjectNode schemas) {
    ObjectNode properties = (ObjectNode) schemas.path("ContactsSearchSchema").path("properties");
    for (String field :
        List.of("firstName", "lastName", "phone", "companyName", "type", "dateUpdated")) {
      properties.set(field, json("{\"type\":\"string\"}"));
    }
    properties.set("searchAfter", json("{\"type\":\"array\",\"items\":{}}"));
  }

  /**
   * {@code dateOfBirth} is typed {@code object} in the three write schemas, while its description
   * and example are a date string ("1990-09-25"), which is what HighLevel accepts.
   */
  private static void readDateOfBirthAsText(ObjectNode schemas) {
    for (String schema : List.of("CreateContactDto", "UpdateContactDto", "UpsertContactDto")) {
      ((ObjectNode) schemas.path(schema).path("properties").path("dateOfBirth"))
          .put("type", "string");
    }
  }

  /**
   * Read-side {@code customFields[].value} is typed string, but multi-select and checkbox fields
   * hold arrays and numeric fields numbers (the write side's own schemas say so).
   */
  private static void readCustomFieldValuesOfAnyType(ObjectNode schemas) {
    ((ObjectNode) schemas.path("CustomFieldSchema").path("properties")).set("value", json("{}"));
  }

  /**
   * The duplicate-contact 400 carries {@code meta: {contactId, matchingField}} (observed, ghl.md
   * §5), which {@code BadRequestDTO} does not declare.
   */
  private static void addDuplicateMetaToBadRequest(ObjectNode schemas) {
    ((ObjectNode) schemas.path("BadRequestDTO").path("properties"))
        .set(
            "meta",
            json(
                """
                {"type":"object","properties":{"contactId":{"type":"string"},
                 "contactName":{"type":"string"},"matchingField":{"type":"string"}}}
                """));
  }

  /**
   * {@code /contacts/bulk/tags/update/{type}} uses a path parameter the operation never declares
   * (an invalid OpenAPI document); its description says add or remove.
   */
  private void declareBulkTagsTypeParameter() {
    ((ArrayNode)
            spec.path("paths")
                .path("/contacts/bulk/tags/update/{type}")
                .path("post")
                .path("parameters"))
        .add(
            json(
                """
                {"name":"type","in":"path","required":true,
                 "schema":{"type":"string","enum":["add","remove"]}}
                """));
  }

  private void setResponseSchema(String path, String method, String schema) {
    ObjectNode ok =
        (ObjectNode) spec.path("paths").path(path).path(method).path("responses").path("200");
    ok.set(
        "content",
        json(
            "{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/"
                + schema
                + "\"}}}"));
  }

  private static ObjectNode load(String name) {
    try (InputStream in = GhlOpenApiSpec.class.getResourceAsStream("/openapi/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource openapi/" + name);
      }
      return (ObjectNode) MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.ghlcredly.testkit.credly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Renders the emulator's state as Credly JSON, shaped like the recorded payloads in
 * shared/specs/credly/examples (zero-gravitas). Timestamps are ISO-8601 UTC with milliseconds, as
 * Credly sends them. Thread-safe (stateless apart from the immutable base URLs).
 */
final class CredlyJson {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
  // Thread-safe once configured; shared so that error bodies need no organization.
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ObjectMapper mapper = MAPPER;
  private final String apiBase;
  private final String webBase;
  private final String organizationId;
  private final String organizationName;
  private final String vanityUrl;

  CredlyJson(URI apiBase, URI webBase, String organizationId, String organizationName) {
    this.apiBase = apiBase.toString();
    this.webBase = webBase.toString();
    this.organizationId = organizationId;
    this.organizationName = organizationName;
    this.vanityUrl = this.webBase + "/org/" + slug(organizationName);
  }

  /** Parses a request body; an empty body is an empty object. */
  JsonNode read(String body) {
    if (body.isBlank()) {
      return mapper.createObjectNode();
    }
    try {
      return mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Malformed JSON body", e);
    }
  }

  /** Credly's error body, the same for every organization. */
  static String error(String message) {
    ObjectNode root = MAPPER.createObjectNode();
    root.putObject("data").put("message", message);
    root.putNull("metadata");
    return write(root);
  }

  String single(JsonNode data) {
    ObjectNode root = mapper.createObjectNode();
    root.set("data", data);
    root.putObject("metadata");
    return write(root);
  }

  String page(List<? extends JsonNode> items, PageLinks links) {
    ObjectNode root = mapper.createObjectNode();
    ArrayNode data = root.putArray("data");
    items.forEach(data::add);
    ObjectNode metadata = root.putObject("metadata");
    metadata.put("count", items.size());
    metadata.put("current_page", links.currentPage());
    metadata.put("total_count", links.totalCount());
    metadata.put("total_pages", links.totalPages());
    metadata.put("per", links.per());
    metadata.put("previous_page_url", links.previousPageUrl());
    metadata.put("next_page_url", links.nextPageUrl());
    return write(root);
  }

  ObjectNode organization() {
    return organization(false);
  }

  ObjectNode organization(boolean workforceEnabled) {
    ObjectNode org = mapper.createObjectNode();
    org.put("id", organizationId);
    org.put("name", organizationName);
    org.put("website_url", "https://example.com/");
    org.putNull("webhook_url");
    org.put("contact_email", "issuer@example.com");
    org.put("technical_contact_email", "developer@example.com");
    org.put("vanity_slug", slug(organizationName));
    org.put("vanity_url", vanityUrl);
    org.putArray("allowed_webhooks")
        .add(CredlyEvent.BADGE_CREATED)
        .add(CredlyEvent.BADGE_STATE_CHANGED)
        .add(CredlyEvent.BADGE_DELETED)
        .add(CredlyEvent.TEMPLATE_CHANGED);
    org.put("workforce_enabled", workforceEnabled);
    org.put("has_employees", workforceEnabled);
    org.put("verified", true);
    org.putNull("photo_url");
    return org;
  }

  ObjectNode template(BadgeTemplate template, long badgesCount) {
    ObjectNode node = mapper.createObjectNode();
    node.put("id", template.id());
    node.put("allow_duplicate_badges", template.allowDuplicateBadges());
    node.put("description", "Emulated badge template " + template.name());
    node.put("name", template.name());
    node.put("state", template.state());
    node.put("public", true);
    node.put("visibility", "public");
    node.put("badges_count", badgesCount);
    node.put("recipient_type", "User");
    node.put("vanity_slug", slug(template.name()));
    node.put("created_at", timestamp(template.createdAt()));
    node.put("updated_at", timestamp(template.createdAt()));
    node.putNull("state_updated_at");
    node.putNull("default_expires_at");
    node.putObject("image").put("id", template.id()).put("url", imageUrl(template));
    node.put("image_url", imageUrl(template));
    node.put("url", vanityUrl + "/badge/" + slug(template.name()));
    node.set("owner", organizationRef());
    node.putArray("skills");
    node.putArray("alignments");
    node.putArray("recommendations");
    node.putArray("badge_template_activities");
    return node;
  }

  ObjectNode badge(Badge badge, BadgeTemplate template, long badgesCount, boolean created) {
    ObjectNode node = mapper.createObjectNode();
    node.putObject("user");
    node.set("created_by", organizationRef());
    ObjectNode issuer = node.putObject("issuer");
    issuer.put("summary", "issued by " + organizationName);
    ObjectNode entity = issuer.putArray("entities").addObject();
    entity.put("label", "Issued by").put("primary", true).set("entity", organizationRef());
    node.set("badge_template", template(template, badgesCount));
    node.put("id", badge.id());
    node.put("issued_to", badge.issuedTo());
    node.put("issued_to_first_name", badge.issuedToFirstName());
    node.put("issued_to_last_name", badge.issuedToLastName());
    node.put("issuer_earner_id", badge.issuerEarnerId());
    node.put("locale", badge.locale());
    node.put("public", true);
    node.put("recipient_email", badge.recipientEmail());
    node.put("replacement_badge_id", badge.replacementBadgeId());
    node.put("replaces_badge_id", badge.replacesBadgeId());
    node.put("revocation_reason", badge.revocationReason());
    node.put("state", badge.state());
    node.put("suppress_badge_notification_email", badge.suppressBadgeNotificationEmail());
    node.put("created_at", timestamp(badge.createdAt()));
    node.put("updated_at", timestamp(badge.updatedAt()));
    node.putNull("country");
    node.putNull("state_or_province");
    node.put("expires_at", timestamp(badge.expiresAt()));
    node.put("expires_at_date", date(badge.expiresAt()));
    node.put("issued_at", timestamp(badge.issuedAt()));
    node.put("issued_at_date", date(badge.issuedAt()));
    node.put("state_updated_at", timestamp(badge.stateUpdatedAt()));
    node.putObject("image").put("id", template.id()).put("url", imageUrl(template));
    node.put("image_url", imageUrl(template));
    node.putArray("alignments");
    node.set("evidence", read(badge.evidenceJson()));
    node.put("badge_url", webBase + "/badges/" + badge.id());
    if (created) {
      // Credly returns the accept link only when the badge is created.
      node.put("accept_badge_url", webBase + "/badges/" + badge.id() + "/accept");
    }
    return node;
  }

  /** The slim record of the high-volume search (zero-gravitas Badges/index-bulk.json). */
  ObjectNode slimBadge(Badge badge, BadgeTemplate template) {
    ObjectNode node = mapper.createObjectNode();
    node.put("id", badge.id());
    node.put("issued_to", badge.issuedTo());
    node.put("issued_to_first_name", badge.issuedToFirstName());
    node.put("issued_to_last_name", badge.issuedToLastName());
    node.put("issuer_earner_id", badge.issuerEarnerId());
    node.put("public", true);
    node.put("recipient_email", badge.recipientEmail());
    node.put("state", badge.state());
    node.put("badge_url", webBase + "/badges/" + badge.id());
    node.put("updated_at", timestamp(badge.updatedAt()));
    node.put("created_at", timestamp(badge.createdAt()));
    node.put("expires_at", timestamp(badge.expiresAt()));
    node.put("issued_at", timestamp(badge.issuedAt()));
    node.put("state_updated_at", timestamp(badge.stateUpdatedAt()));
    node.putObject("badge_template").put("id", template.id()).put("name", template.name());
    node.putObject("user");
    return node;
  }

  /** A list answer whose metadata is only {@code next_page_url}, as the bulk search sends. */
  String cursorPage(List<? extends JsonNode> items, @Nullable String nextPageUrl) {
    ObjectNode root = mapper.createObjectNode();
    ArrayNode data = root.putArray("data");
    items.forEach(data::add);
    root.putObject("metadata").put("next_page_url", nextPageUrl);
    return write(root);
  }

  /** {@code GET .../events/{id}}: the event with its badge (or template). */
  ObjectNode event(CredlyEvent event, @Nullable JsonNode badge, @Nullable JsonNode template) {
    ObjectNode node = mapper.createObjectNode();
    node.put("id", event.id());
    node.put("event_type", event.type());
    node.put("organization_id", organizationId);
    node.put("occurred_at", timestamp(event.occurredAt()));
    if (badge != null) {
      node.set("badge", badge);
    }
    if (template != null) {
      node.set("badge_template", template);
    }
    return node;
  }

  /** The thin webhook body Credly posts (openedx tests): the event is to be fetched by id. */
  String webhook(CredlyEvent event, String organization) {
    ObjectNode node = mapper.createObjectNode();
    node.put("id", event.id());
    node.put("organization_id", organization);
    node.put("event_type", event.type());
    node.put("occurred_at", timestamp(event.occurredAt()));
    return write(node);
  }

  ObjectNode employee(Employee employee) {
    ObjectNode node = mapper.createObjectNode();
    node.put("id", employee.id());
    node.put("email", employee.email());
    node.put("first_name", employee.firstName());
    node.put("last_name", employee.lastName());
    node.put("full_name", employee.firstName() + " " + employee.lastName());
    node.put("external_id", employee.externalId());
    node.put("employee_state", employee.employeeState());
    node.put("team", employee.team());
    node.put("position_title", employee.positionTitle());
    node.put("department", employee.department());
    node.put("country", employee.country());
    for (String name : Employee.OTHER_ATTRIBUTES) {
      node.put(name, employee.attributes().get(name));
    }
    node.put("created_at", timestamp(employee.createdAt()));
    return node;
  }

  /** The OAuth token endpoint's success answer. */
  String accessToken(String token, long expiresIn, String scope, Instant now) {
    ObjectNode node = mapper.createObjectNode();
    node.put("access_token", token);
    node.put("token_type", "Bearer");
    node.put("expires_in", expiresIn);
    node.put("scope", scope);
    node.put("created_at", now.getEpochSecond());
    return write(node);
  }

  /** The OAuth token endpoint's error answer (RFC 6749 §5.2). */
  String oauthError(String error, String description) {
    return write(
        mapper.createObjectNode().put("error", error).put("error_description", description));
  }

  ObjectNode message(String text) {
    return mapper.createObjectNode().put("message", text);
  }

  private ObjectNode organizationRef() {
    ObjectNode ref = mapper.createObjectNode();
    ref.put("type", "Organization");
    ref.put("id", organizationId);
    ref.put("name", organizationName);
    ref.put("url", apiBase + "/organizations/" + organizationId);
    ref.put("vanity_url", vanityUrl);
    ref.put("verified", true);
    return ref;
  }

  private String imageUrl(BadgeTemplate template) {
    return webBase + "/images/" + template.id() + ".png";
  }

  private static String slug(String name) {
    return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  static @Nullable String timestamp(@Nullable Instant instant) {
    return instant == null ? null : TIMESTAMP.format(instant);
  }

  private static @Nullable String date(@Nullable Instant instant) {
    return instant == null ? null : DATE.format(instant);
  }

  private static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** Paging facts for a list response's metadata. */
  record PageLinks(
      int currentPage,
      long totalCount,
      int totalPages,
      int per,
      @Nullable String previousPageUrl,
      @Nullable String nextPageUrl) {}
}

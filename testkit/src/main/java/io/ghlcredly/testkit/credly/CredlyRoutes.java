package io.ghlcredly.testkit.credly;

import com.fasterxml.jackson.databind.JsonNode;
import io.ghlcredly.testkit.credly.CredlyState.IssueOutcome;
import io.ghlcredly.testkit.credly.CredlyState.RevokeOutcome;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One organization's own, template and issued-badge routes: request parsing, Credly's rules and
 * status codes. Thread-safe.
 */
final class CredlyRoutes {
  static final int DEFAULT_PER = Paging.DEFAULT_PER;

  private final CredlyState state;
  private final RouteGuard guard;
  private final CredlyJson json;
  private final EmployeeStore employees;
  private final String organizationUrl;
  private final BadgeRequestParser parser = new BadgeRequestParser();

  CredlyRoutes(
      CredlyState state,
      RouteGuard guard,
      EmployeeStore employees,
      String apiBase,
      String organizationId) {
    this.state = state;
    this.guard = guard;
    this.json = guard.json();
    this.employees = employees;
    this.organizationUrl = apiBase + "/organizations/" + organizationId;
  }

  void register(RouteTable table) {
    String org = OrganizationRouter.ORGANIZATION;
    table.route("GET", org, request -> guard.ok(json.single(organization())));
    table.route("GET", org + "/badge_templates", this::templates);
    table.route("GET", org + "/badge_templates/{id}", this::template);
    table.route("POST", org + "/badges", this::issue);
    table.route("GET", org + "/badges", this::listBadges);
    table.route("GET", org + "/high_volume_issued_badge_search", this::search);
    table.route("GET", org + "/badges/{id}", this::badge);
    table.route("PUT", org + "/badges/{id}/revoke", this::revoke);
    table.route("POST", org + "/badges/{id}/replace", this::replace);
    table.route("DELETE", org + "/badges/{id}", this::delete);
  }

  /** The organization as {@code GET /organizations[/{org}]} shows it. */
  JsonNode organization() {
    return json.organization(employees.enabled());
  }

  private EmulatorResponse templates(EmulatorRequest request) {
    Map<String, String> query = request.query();
    List<BadgeTemplate> matching =
        state.templates().stream()
            .filter(TemplateQuery.filter(query.getOrDefault("filter", "")))
            .sorted(
                TemplateQuery.sort(
                    query.getOrDefault("sort", ""), template -> state.countIssued(template.id())))
            .toList();
    return guard.ok(
        Paging.page(
            json,
            organizationUrl + "/badge_templates",
            query,
            matching,
            template -> json.template(template, state.countIssued(template.id()))));
  }

  private EmulatorResponse template(EmulatorRequest request) {
    return state
        .template(request.pathParam("id"))
        .map(t -> guard.ok(json.single(json.template(t, state.countIssued(t.id())))))
        .orElseGet(() -> guard.error(404, "Badge template not found"));
  }

  private EmulatorResponse issue(EmulatorRequest request) {
    BadgeRequestParser.Parsed parsed = parser.parse(json.read(request.body()));
    if (parsed instanceof BadgeRequestParser.Parsed.Invalid invalid) {
      return guard.error(422, invalid.message());
    }
    NewBadge newBadge = ((BadgeRequestParser.Parsed.Valid) parsed).badge();
    return created(state.issue(newBadge), newBadge.templateId());
  }

  private EmulatorResponse created(IssueOutcome outcome, String templateId) {
    return switch (outcome) {
      case IssueOutcome.Created created -> guard.single(201, render(created.badge(), true));
      case IssueOutcome.InvalidTemplate invalid ->
          guard.error(422, "Invalid or missing Badge Template ID: " + templateId);
      // Credly's exact duplicate wording is not documented (credly.md §5b).
      case IssueOutcome.Duplicate duplicate -> guard.error(422, "User already has this badge");
      case IssueOutcome.NotFound notFound -> guard.error(404, "Badge not found");
    };
  }

  private EmulatorResponse listBadges(EmulatorRequest request) {
    Map<String, String> query = request.query();
    BadgeFilter filter = BadgeFilter.parse(query.getOrDefault("filter", ""));
    List<Badge> matching =
        state.badges().stream()
            .filter(filter::matches)
            .sorted(badgeOrder(query.getOrDefault("sort", "")))
            .toList();
    return guard.ok(
        Paging.page(json, organizationUrl + "/badges", query, matching, b -> render(b, false)));
  }

  private static Comparator<Badge> badgeOrder(String sort) {
    return switch (sort) {
      case "", "created_at" -> Comparator.comparing(Badge::createdAt);
      case "-created_at" -> Comparator.comparing(Badge::createdAt).reversed();
      case "issued_at" -> Comparator.comparing(Badge::issuedAt);
      case "-issued_at" -> Comparator.comparing(Badge::issuedAt).reversed();
      default -> throw new IllegalArgumentException("Unsupported sort key: " + sort);
    };
  }

  /** The bulk search: slim records, an opaque {@code cursor}, metadata with next_page_url only. */
  private EmulatorResponse search(EmulatorRequest request) {
    Map<String, String> query = request.query();
    BadgeFilter filter = BadgeFilter.parse(query.getOrDefault("filter", ""));
    Instant start = date(query.get("start_date"));
    Instant end = date(query.get("end_date"));
    List<Badge> matching =
        state.badges().stream()
            .filter(filter::matches)
            .filter(badge -> start == null || !badge.updatedAt().isBefore(start))
            .filter(badge -> end == null || badge.updatedAt().isBefore(end))
            .toList();
    int from = Integer.parseInt(query.getOrDefault("cursor", "0"));
    int per = RouteGuard.positiveInt(query, "per", 1000);
    List<JsonNode> items =
        matching.stream()
            .skip(from)
            .limit(per)
            .map(b -> (JsonNode) json.slimBadge(b, templateOf(b)))
            .toList();
    String next = null;
    if (from + per < matching.size()) {
      Map<String, String> rest = new java.util.LinkedHashMap<>(query);
      rest.put("cursor", String.valueOf(from + per));
      StringBuilder url = new StringBuilder(organizationUrl + "/high_volume_issued_badge_search?");
      rest.forEach(
          (k, v) -> url.append(Paging.encode(k)).append('=').append(Paging.encode(v)).append('&'));
      next = url.substring(0, url.length() - 1);
    }
    return guard.ok(json.cursorPage(items, next));
  }

  private static @Nullable Instant date(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return BadgeRequestParser.parseDate(text.trim() + " +0000")
        .orElseThrow(() -> new IllegalArgumentException("invalid date: " + text));
  }

  private EmulatorResponse badge(EmulatorRequest request) {
    return state
        .badge(request.pathParam("id"))
        .map(badge -> guard.ok(json.single(render(badge, false))))
        .orElseGet(() -> guard.error(404, "Badge not found"));
  }

  private EmulatorResponse revoke(EmulatorRequest request) {
    JsonNode reason = json.read(request.body()).path("reason");
    if (!reason.isTextual() || reason.asText().isBlank()) {
      return guard.error(422, "reason can't be blank");
    }
    return switch (state.revoke(request.pathParam("id"), reason.asText())) {
      case RevokeOutcome.Revoked revoked -> guard.ok(json.single(render(revoked.badge(), false)));
      case RevokeOutcome.NotFound notFound -> guard.error(404, "Badge not found");
      case RevokeOutcome.AlreadyRevoked already ->
          guard.error(422, "Badge has already been revoked");
    };
  }

  private EmulatorResponse replace(EmulatorRequest request) {
    Optional<Badge> old = state.badge(request.pathParam("id"));
    if (old.isEmpty()) {
      return guard.error(404, "Badge not found");
    }
    JsonNode body = json.read(request.body());
    String templateId = body.path("badge_template_id").asText("");
    if (templateId.isBlank()) {
      return guard.error(422, "Invalid or missing Badge Template ID: ");
    }
    Optional<Instant> issuedAt = BadgeRequestParser.parseDate(body.path("issued_at").asText(""));
    if (issuedAt.isEmpty()) {
      return guard.error(422, "issued_at is invalid");
    }
    Badge previous = old.get();
    NewBadge replacement =
        new NewBadge(
            templateId,
            previous.recipientEmail(),
            body.path("issued_to_first_name").asText(previous.issuedToFirstName()),
            body.path("issued_to_last_name").asText(previous.issuedToLastName()),
            body.hasNonNull("issuer_earner_id")
                ? body.get("issuer_earner_id").asText()
                : previous.issuerEarnerId(),
            issuedAt.get(),
            BadgeRequestParser.parseDate(body.path("expires_at").asText("")).orElse(null),
            previous.locale(),
            previous.suppressBadgeNotificationEmail(),
            body.path("evidence").isArray() ? body.get("evidence").toString() : "[]");
    IssueOutcome outcome = state.replace(previous.id(), replacement);
    if (outcome instanceof IssueOutcome.Duplicate) {
      return guard.error(422, "A replaced or revoked badge cannot be replaced");
    }
    return created(outcome, templateId);
  }

  private EmulatorResponse delete(EmulatorRequest request) {
    return state.delete(request.pathParam("id")).isPresent()
        ? new EmulatorResponse(204, Map.of(), "")
        : guard.error(404, "Badge not found");
  }

  /** The earner's accept or reject link, for a badge of this organization. */
  EmulatorResponse earner(EmulatorRequest request, String newState) {
    Optional<Badge> badge = state.badge(request.pathParam("id"));
    if (badge.isEmpty()) {
      return guard.error(404, "Badge not found");
    }
    if (!Badge.PENDING.equals(badge.get().state())) {
      return guard.error(422, "Badge is " + badge.get().state() + " and cannot be " + newState);
    }
    return state
        .changeState(badge.get().id(), newState)
        .map(changed -> guard.ok(json.single(render(changed, false))))
        .orElseGet(() -> guard.error(404, "Badge not found"));
  }

  JsonNode render(Badge badge, boolean created) {
    BadgeTemplate template = templateOf(badge);
    return json.badge(badge, template, state.countIssued(template.id()), created);
  }

  private BadgeTemplate templateOf(Badge badge) {
    return state
        .template(badge.templateId())
        .orElseThrow(() -> new IllegalStateException("template gone: " + badge.templateId()));
  }
}

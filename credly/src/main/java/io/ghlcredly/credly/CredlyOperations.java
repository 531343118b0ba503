package io.ghlcredly.credly;

import io.ghlcredly.http.catalog.Operation;
import io.ghlcredly.http.catalog.OperationCall;
import io.ghlcredly.http.catalog.OperationSpec;
import io.ghlcredly.http.catalog.OperationSpec.BodyUse;
import io.ghlcredly.http.catalog.ParamSpec;
import io.ghlcredly.http.catalog.TriggerSpec;
import io.ghlcredly.http.catalog.TriggerSpec.Delivery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credly's actions and triggers for the catalog ({@code ./ghl-credly call credly.issue-badge ...}).
 * Paths are relative to the configured organization; the OAuth scope is the one Credly documents
 * for the call (credly.md §2b).
 */
public final class CredlyOperations {
  private static final String ORG = "/organizations/{organization_id}";
  private static final Pattern PATH_PARAM = Pattern.compile("\\{([a-z_]+)}");

  private CredlyOperations() {}

  /** Every Credly operation, bound to the client. */
  public static List<Operation> operations(CredlyClient client) {
    List<Operation> operations = new ArrayList<>();
    for (OperationSpec spec : specs()) {
      operations.add(new Bound(spec, client));
    }
    return List.copyOf(operations);
  }

  /** The events Credly reports to the service. */
  public static List<TriggerSpec> triggers() {
    return List.of(
        new TriggerSpec(
            "credly.badge-created",
            "badge.created",
            Delivery.WEBHOOK,
            "A badge was issued (by the sync, the API or Credly's UI); recorded in the ledger"),
        new TriggerSpec(
            "credly.badge-state-changed",
            "badge.state.changed",
            Delivery.WEBHOOK,
            "A badge became pending, accepted, rejected or revoked; recorded in the ledger"),
        new TriggerSpec(
            "credly.badge-deleted",
            "badge.deleted",
            Delivery.WEBHOOK,
            "A badge was deleted; recorded in the ledger"),
        new TriggerSpec(
            "credly.badge-template-created",
            "badge_template.created",
            Delivery.WEBHOOK,
            "A badge template was created; acknowledged, no contact to sync"),
        new TriggerSpec(
            "credly.badge-template-changed",
            "badge_template.changed",
            Delivery.WEBHOOK,
            "A badge template changed (for example archived); acknowledged, no contact to sync"),
        new TriggerSpec(
            "credly.badge-template-deleted",
            "badge_template.deleted",
            Delivery.WEBHOOK,
            "A badge template was deleted; acknowledged, no contact to sync"));
  }

  static List<OperationSpec> specs() {
    ParamSpec filter = ParamSpec.query("filter", false, "key::value terms joined by |");
    ParamSpec sort = ParamSpec.query("sort", false, "keys joined by |, - for descending");
    ParamSpec page = ParamSpec.query("page", false, "page number, from 1");
    ParamSpec badgeId = ParamSpec.path("badge_id", "issued badge id (UUID)");
    ParamSpec employeeId = ParamSpec.path("employee_id", "Workforce employee id");
    return List.of(
        spec("credly.get-organization", "GET", ORG, "The organization", List.of(), null),
        spec(
            "credly.list-badge-templates",
            "GET",
            ORG + "/badge_templates",
            "Badge templates, with filter (state, query, name, ...), sort and page",
            List.of(filter, sort, page),
            "badge_templates"),
        spec(
            "credly.get-badge-template",
            "GET",
            ORG + "/badge_templates/{badge_template_id}",
            "One badge template",
            List.of(ParamSpec.path("badge_template_id", "badge template id (UUID)")),
            "badge_templates"),
        spec(
            "credly.issue-badge",
            "POST",
            ORG + "/badges",
            "Issue a badge (body: recipient_email, issued_to_first_name, issued_to_last_name,"
                + " badge_template_id, issued_at, issuer_earner_id, expires_at, evidence, locale,"
                + " suppress_badge_notification_email, ...)",
            List.of(),
            BodyUse.REQUIRED,
            "issued_badges"),
        spec(
            "credly.list-badges",
            "GET",
            ORG + "/badges",
            "Issued badges, with filter (recipient_email, issuer_earner_id, badge_template_id,"
                + " state), sort and page",
            List.of(filter, sort, page),
            "issued_badges"),
        spec(
            "credly.search-badges",
            "GET",
            ORG + "/high_volume_issued_badge_search",
            "High-volume badge search (slim records, next_page_url paging)",
            List.of(
                filter,
                ParamSpec.query("start_date", false, "yyyy-MM-dd HH:mm:ss"),
                ParamSpec.query("end_date", false, "yyyy-MM-dd HH:mm:ss")),
            "issued_badges"),
        spec(
            "credly.get-badge",
            "GET",
            ORG + "/badges/{badge_id}",
            "One issued badge",
            List.of(badgeId),
            "issued_badges"),
        spec(
            "credly.revoke-badge",
            "PUT",
            ORG + "/badges/{badge_id}/revoke",
            "Revoke a badge (body: reason, suppress_revoke_notification_email)",
            List.of(badgeId),
            BodyUse.REQUIRED,
            "issued_badges"),
        spec(
            "credly.replace-badge",
            "POST",
            ORG + "/badges/{badge_id}/replace",
            "Replace a badge (body: badge_template_id, issued_at, corrected fields)",
            List.of(badgeId),
            BodyUse.REQUIRED,
            "issued_badges"),
        spec(
            "credly.delete-badge",
            "DELETE",
            ORG + "/badges/{badge_id}",
            "Delete a badge",
            List.of(badgeId),
            "issued_badges"),
        spec(
            "credly.get-event",
            "GET",
            ORG + "/events/{event_id}",
            "One organization event, with its badge or template",
            List.of(ParamSpec.path("event_id", "event id (UUID)")),
            "events"),
        spec(
            "credly.list-employees",
            "GET",
            ORG + "/employees",
            "Workforce employees, with filter (name_or_email, employee_state), sort and page",
            List.of(filter, sort, page),
            "workforce"),
        spec(
            "credly.create-employee",
            "POST",
            ORG + "/employees",
            "Create a Workforce employee (body: email, first_name, last_name, external_id, ...)",
            List.of(),
            BodyUse.REQUIRED,
            "workforce"),
        spec(
            "credly.get-employee",
            "GET",
            ORG + "/employees/{employee_id}",
            "One Workforce employee",
            List.of(employeeId),
            "workforce"),
        spec(
            "credly.update-employee",
            "PUT",
            ORG + "/employees/{employee_id}",
            "Update a Workforce employee (body: the fields to change)",
            List.of(employeeId),
            BodyUse.REQUIRED,
            "workforce"),
        spec(
            "credly.delete-employee",
            "DELETE",
            ORG + "/employees/{employee_id}",
            "Delete a Workforce employee",
            List.of(employeeId),
            "workforce"));
  }

  private static OperationSpec spec(
      String name,
      String method,
      String path,
      String summary,
      List<ParamSpec> params,
      @org.jspecify.annotations.Nullable String scope) {
    return spec(name, method, path, summary, params, BodyUse.NONE, scope);
  }

  private static OperationSpec spec(
      String name,
      String method,
      String path,
      String summary,
      List<ParamSpec> params,
      BodyUse body,
      @org.jspecify.annotations.Nullable String scope) {
    return new OperationSpec(name, method, path, summary, params, body, scope);
  }

  /** An operation sent through the client: path parameters filled in, query appended. */
  private record Bound(OperationSpec spec, CredlyClient client) implements Operation {
    @Override
    public String invoke(OperationCall call) {
      String path = fill(spec.pathTemplate().substring(ORG.length()), call);
      StringJoiner query = new StringJoiner("&");
      for (ParamSpec param : spec.params()) {
        String value = call.params().get(param.name());
        if (param.location() == ParamSpec.Location.QUERY && value != null) {
          query.add(param.name() + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
      }
      String body = call.jsonBody();
      if (spec.body() == BodyUse.REQUIRED && (body == null || body.isBlank())) {
        throw new IllegalArgumentException(spec.name() + " needs a JSON body");
      }
      if (spec.body() == BodyUse.NONE) {
        body = null;
      }
      String target = query.length() == 0 ? path : path + "?" + query;
      return client.call(spec.method(), target, body);
    }

    private String fill(String template, OperationCall call) {
      Matcher matcher = PATH_PARAM.matcher(template);
      StringBuilder filled = new StringBuilder();
      while (matcher.find()) {
        String value = call.params().get(matcher.group(1));
        if (value == null || value.isBlank()) {
          throw new IllegalArgumentException(
              spec.name() + " needs the parameter " + matcher.group(1));
        }
        matcher.appendReplacement(filled, Matcher.quoteReplacement(CredlyClient.segment(value)));
      }
      matcher.appendTail(filled);
      return filled.toString();
    }
  }
}

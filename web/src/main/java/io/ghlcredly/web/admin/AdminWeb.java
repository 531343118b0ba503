package io.ghlcredly.web.admin;

import io.ghlcredly.core.model.Secret;
import io.ghlcredly.core.port.AdminSessionStore;
import io.ghlcredly.web.ApiEndpoint;
import io.ghlcredly.web.Endpoint;
import io.ghlcredly.web.operators.OperatorServices;
import java.net.URI;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The admin surface as endpoints for the web server: the JSON admin API, the pages (overview,
 * operators, sign-in, welcome link) and, in OAuth mode, the install start. Sessions and roles are
 * checked on every request.
 */
public final class AdminWeb {
  private AdminWeb() {}

  /** Every endpoint of the admin API the web module serves, as the OpenAPI document names it. */
  public static final List<String> API_ENDPOINTS =
      List.of(
          "GET /admin/api/openapi.json",
          "GET /admin/api/accounts",
          "GET /admin/api/rules",
          "GET /admin/api/events",
          "GET /admin/api/journal",
          "GET /admin/api/dead-letters",
          "POST /admin/api/dead-letters/{id}/replay",
          "POST /admin/api/dead-letters/replay-all",
          "GET /admin/api/imports",
          "GET /admin/api/rate-limits",
          "GET /admin/api/jobs",
          "GET /admin/api/activity",
          "GET /admin/api/changes",
          "GET /admin/api/contacts",
          "GET /admin/api/contacts/{id}",
          "GET /admin/api/workspaces",
          "POST /admin/api/workspaces",
          "POST /admin/api/workspaces/{id}/locations",
          "DELETE /admin/api/workspaces/{id}/locations/{location}");

  /** The OpenAPI document of the admin API. */
  public static String openApi() {
    return AdminApi.resource("openapi.json");
  }

  /**
   * What the admin surface needs beyond its data.
   *
   * @param adminToken for automation through the admin API only; null: no bearer access
   * @param publicUrl the base of links handed out (welcome links); null: the request's host
   * @param installStart in OAuth mode, the consent URL for a new install bound to a browser
   */
  public record Settings(
      @Nullable Secret adminToken,
      @Nullable URI publicUrl,
      @Nullable Function<String, URI> installStart) {}

  public static List<Endpoint> endpoints(
      Settings settings,
      AdminData data,
      WorkspaceData workspaces,
      OperatorServices operators,
      AdminSessionStore sessions,
      List<ApiEndpoint> contributed,
      InstantSource clock) {
    URI publicUrl = settings.publicUrl();
    boolean secure = publicUrl != null && "https".equalsIgnoreCase(publicUrl.getScheme());
    AdminAccess access =
        new AdminAccess(
            settings.adminToken(),
            sessions,
            operators.operators(),
            clock,
            secure,
            workspaces::limitsOf);
    PageRenderer renderer =
        new PageRenderer(new Pages(), () -> operators.operators().list().isEmpty());
    PageGuards pages = new PageGuards(access, renderer);
    List<Endpoint> endpoints = new ArrayList<>();
    endpoints.addAll(new AdminApi(data, workspaces, new Guards(access)).endpoints(contributed));
    endpoints.addAll(
        new SignInPages(access, operators.signIn(), operators.passwords(), renderer).endpoints());
    endpoints.addAll(new Dashboard(data, workspaces, pages, renderer).endpoints());
    endpoints.addAll(new ContactPages(data, workspaces, pages, renderer).endpoints());
    endpoints.addAll(new WorkspacePages(workspaces, pages, renderer).endpoints());
    endpoints.addAll(new PasswordPage(access, operators.passwords(), pages, renderer).endpoints());
    endpoints.addAll(
        new OperatorPages(operators.operators(), data, workspaces, pages, renderer, publicUrl)
            .endpoints());
    Function<String, URI> install = settings.installStart();
    if (install != null) {
      endpoints.add(new InstallStart(pages, access, data, install, secure).endpoint());
    }
    return endpoints;
  }
}

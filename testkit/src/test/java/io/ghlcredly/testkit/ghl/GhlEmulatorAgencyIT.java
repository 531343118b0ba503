package io.ghlcredly.testkit.ghl;

import static io.ghlcredly.testkit.ghl.GhlApiCaller.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ghlcredly.testkit.ghl.oauth.GhlOAuthEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An agency with two locations: company and location installs, location tokens minted for each
 * location, get-location and the installed locations.
 */
class GhlEmulatorAgencyIT {
  private static final String REDIRECT = "https://sync.example.com/oauth/ghl/callback";
  private static final Set<String> AGENCY_SCOPES =
      Set.of("oauth.readonly", "oauth.write", "locations.readonly", "contacts.readonly");

  private final GhlEmulator emulator = GhlEmulator.start();
  private final GhlOAuthEmulator oauth = emulator.oauth();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String academy = emulator.locationId();
  private final String campus = emulator.addLocation("North Campus");

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void theAgencyTokenMintsATokenForEachLocationThatReachesOnlyThatLocation() {
    String ada = emulator.seedContact("Ada", "Lovelace", "ada@example.com");
    String bob = emulator.seedContactIn(campus, "Bob", "Babbage", "bob@example.com");
    JsonNode company = install(emulator.companyId(), AGENCY_SCOPES);

    String academyToken = locationToken(company, academy).path("access_token").asText();
    JsonNode campusGrant = locationToken(company, campus);
    GhlApiCaller campusApi = api("Bearer " + campusGrant.path("access_token").asText());

    assertThat(company.path("userType").asText()).isEqualTo("Company");
    assertThat(company.path("approvedLocations"))
        .extracting(JsonNode::asText)
        .containsExactly(academy, campus);
    assertThat(campusGrant.path("locationId").asText()).isEqualTo(campus);
    assertThat(api("Bearer " + academyToken).get("/contacts/" + ada).statusCode()).isEqualTo(200);
    assertThat(campusApi.get("/contacts/" + bob).statusCode()).isEqualTo(200);
    assertThat(campusApi.get("/contacts/" + ada).statusCode()).isEqualTo(403);
    assertThat(api(bearer(company)).get("/contacts/" + ada).statusCode()).isEqualTo(401);
    assertThat(oauth.locationTokensMinted()).isEqualTo(2);
  }

  @Test
  void aLocationInstallIsForTheLocationThatConsented() {
    String bob = emulator.seedContactIn(campus, "Bob", "Babbage", "bob@example.com");
    oauth.consentAs(campus);

    JsonNode grant = exchange(consent(Set.of("contacts.readonly")));
    GhlApiCaller campusApi = api(bearer(grant));

    assertThat(grant.path("userType").asText()).isEqualTo("Location");
    assertThat(grant.path("locationId").asText()).isEqualTo(campus);
    assertThat(campusApi.get("/contacts/" + bob).statusCode()).isEqualTo(200);
    assertThat(campusApi.get("/contacts/?locationId=" + academy).statusCode()).isEqualTo(403);
    assertThat(oauth.installedOn(campus)).isTrue();
    assertThat(oauth.installedOn(academy)).isFalse();
  }

  @Test
  void getLocationNamesEachLocationForItsOwnTokenAndForTheAgency() {
    JsonNode company = install(emulator.companyId(), AGENCY_SCOPES);
    GhlApiCaller academyPit = new GhlApiCaller(emulator);
    GhlApiCaller agency = api(bearer(company));

    JsonNode own = json(academyPit.get("/locations/" + academy)).path("location");
    HttpResponse<String> other = academyPit.get("/locations/" + campus);

    assertThat(own.path("id").asText()).isEqualTo(academy);
    assertThat(own.path("name").asText()).isEqualTo(GhlEmulator.DEFAULT_LOCATION_NAME);
    assertThat(own.path("companyId").asText()).isEqualTo(emulator.companyId());
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(json(agency.get("/locations/" + campus)).path("location").path("name").asText())
        .isEqualTo("North Campus");
    assertThat(agency.get("/locations/unknownLocation00000").statusCode()).isEqualTo(403);
  }

  @Test
  void getLocationNeedsTheLocationsReadonlyScope() {
    JsonNode company = install(emulator.companyId(), Set.of("oauth.write"));

    HttpResponse<String> refused = api(bearer(company)).get("/locations/" + academy);

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(json(refused).path("message").asText())
        .isEqualTo("The token is not authorized for this scope.");
  }

  @Test
  void pickerListsNeedTheirScopesAndALocationToken() {
    JsonNode company = install(emulator.companyId(), AGENCY_SCOPES);
    oauth.consentAs(academy);
    GhlApiCaller contactsOnly = api(bearer(exchange(consent(Set.of("contacts.readonly")))));
    GhlApiCaller pickers =
        api(
            bearer(
                exchange(
                    consent(
                        Set.of("locations/tags.readonly", "locations/customFields.readonly")))));

    assertThat(contactsOnly.get("/locations/" + academy + "/tags").statusCode()).isEqualTo(401);
    assertThat(contactsOnly.get("/locations/" + academy + "/customFields").statusCode())
        .isEqualTo(401);
    assertThat(contactsOnly.get("/workflows/?locationId=" + academy).statusCode()).isEqualTo(401);
    assertThat(contactsOnly.get("/campaigns/?locationId=" + academy).statusCode()).isEqualTo(401);
    assertThat(contactsOnly.get("/users/?locationId=" + academy).statusCode()).isEqualTo(401);
    assertThat(pickers.get("/locations/" + academy + "/tags").statusCode()).isEqualTo(200);
    assertThat(pickers.get("/locations/" + academy + "/customFields").statusCode()).isEqualTo(200);
    assertThat(api(bearer(company)).get("/locations/" + academy + "/tags").statusCode())
        .isEqualTo(401);
  }

  @Test
  void installedLocationsListsTheCompanysLocationsForTheAgencyOnly() {
    JsonNode company = install(emulator.companyId(), AGENCY_SCOPES);
    String query = "/oauth/installedLocations?companyId=" + emulator.companyId();
    query += "&appId=" + oauth.appId();

    JsonNode all = json(api(bearer(company)).get(query));
    JsonNode north = json(api(bearer(company)).get(query + "&query=north"));
    HttpResponse<String> fromPit = new GhlApiCaller(emulator).get(query);
    HttpResponse<String> withoutScope =
        api(bearer(install(emulator.companyId(), Set.of("oauth.write")))).get(query);

    assertThat(all.path("count").asInt()).isEqualTo(2);
    assertThat(all.path("locations"))
        .extracting(location -> location.path("_id").asText())
        .containsExactly(academy, campus);
    assertThat(all.path("locations"))
        .extracting(location -> location.path("name").asText())
        .containsExactly(GhlEmulator.DEFAULT_LOCATION_NAME, "North Campus");
    assertThat(all.path("locations"))
        .allSatisfy(location -> assertThat(location.path("isInstalled").asBoolean()).isTrue());
    assertThat(north.path("locations"))
        .singleElement()
        .satisfies(location -> assertThat(location.path("_id").asText()).isEqualTo(campus));
    assertThat(fromPit.statusCode()).isEqualTo(401);
    assertThat(withoutScope.statusCode()).isEqualTo(401);
  }

  @Test
  void aLocationAddedAfterTheCompanyInstallDoesNotHaveTheApp() {
    JsonNode company = install(emulator.companyId(), AGENCY_SCOPES);
    String late = emulator.addLocation("Late Annex");
    String query = "/oauth/installedLocations?companyId=" + emulator.companyId();
    query += "&appId=" + oauth.appId() + "&isInstalled=false";

    JsonNode notInstalled = json(api(bearer(company)).get(query));

    assertThat(notInstalled.path("count").asInt()).isEqualTo(1);
    assertThat(notInstalled.path("locations"))
        .singleElement()
        .satisfies(location -> assertThat(location.path("_id").asText()).isEqualTo(late))
        .satisfies(location -> assertThat(location.path("isInstalled").asBoolean()).isFalse());
    assertThat(notInstalled.path("installToFutureLocations").asBoolean()).isFalse();
    assertThat(oauth.installedOn(campus)).isTrue();
  }

  private JsonNode install(String account, Set<String> scopes) {
    return exchange(oauth.authorize(oauth.clientId(), REDIRECT, account, scopes));
  }

  /** The consent page, approved for the account {@link GhlOAuthEmulator#consentAs} chose. */
  private String consent(Set<String> scopes) {
    String url =
        emulator.baseUrl()
            + "/v2/oauth/chooselocation?response_type=code&client_id="
            + encode(oauth.clientId())
            + "&redirect_uri="
            + encode(REDIRECT)
            + "&scope="
            + encode(String.join(" ", scopes));
    HttpResponse<String> redirect = send(HttpRequest.newBuilder(URI.create(url)).GET());
    String location = redirect.headers().firstValue("Location").orElseThrow();
    return URLDecoder.decode(
        location.replaceFirst(".*[?&]code=([^&]*).*", "$1"), StandardCharsets.UTF_8);
  }

  private JsonNode exchange(String code) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("client_id", oauth.clientId());
    form.put("client_secret", oauth.clientSecret().reveal());
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", REDIRECT);
    HttpResponse<String> response = post("/oauth/token", form, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  private JsonNode locationToken(JsonNode company, String locationId) {
    HttpResponse<String> response =
        post(
            "/oauth/locationToken",
            Map.of("companyId", emulator.companyId(), "locationId", locationId),
            bearer(company));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  private HttpResponse<String> post(
      String path, Map<String, String> form, @Nullable String bearer) {
    String body =
        form.entrySet().stream()
            .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Version", "2021-07-28")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (bearer != null) {
      request.header("Authorization", bearer);
    }
    return send(request);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private GhlApiCaller api(String authorization) {
    return new GhlApiCaller(emulator).with("Authorization", authorization);
  }

  private static String bearer(JsonNode grant) {
    return "Bearer " + grant.path("access_token").asText();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

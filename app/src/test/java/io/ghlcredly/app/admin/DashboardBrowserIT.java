package io.ghlcredly.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.ghlcredly.app.demo.DemoEnvironment;
import io.ghlcredly.core.model.DeadLetter;
import io.ghlcredly.testkit.server.EmulatorResponse;
import io.ghlcredly.testkit.server.Fault;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The dashboard in Debian's headless Chromium against the running service and the emulators: sign
 * in, see the connection, events, rules and a dead letter, replay it, and leave a screenshot in
 * {@code target/dashboard.png} for review. Never downloads a browser or driver.
 */
class DashboardBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final String CHROMIUM = "/usr/bin/chromium";

  @TempDir Path folder;
  private DemoEnvironment env;
  private WebDriver browser;

  @BeforeEach
  void start() {
    env = DemoEnvironment.start(folder, Duration.ofMillis(200));
    // Both paths given: Selenium Manager (which would download) never runs.
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,2600");
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void stop() {
    browser.quit();
    env.close();
  }

  @Test
  void signsInShowsTheServiceAndReplaysADeadLetter() throws IOException {
    String contact = env.ghl().seedContact("Ada", "Lovelace", "ada@example.com");
    env.credly().inject(Fault.status("POST", "/organizations/", 1, refusal()));
    env.ghl().addTags(contact, DemoEnvironment.TAG);
    await().atMost(WAIT).until(() -> env.engine().stores().deadLetters().count() == 1);
    DeadLetter letter = env.engine().stores().deadLetters().listRecent(1).get(0);
    String base = "http://127.0.0.1:" + env.engine().port();

    // The admin token is for automation: it does not sign a browser in.
    signIn(base, DemoEnvironment.ADMIN_EMAIL, env.adminToken().reveal());
    assertThat(text("problem")).contains("do not match");

    // The admin invites an editor and a viewer; each sets a password through the one-time link.
    signIn(base, DemoEnvironment.ADMIN_EMAIL, env.adminPassword().reveal());
    String editorLink = invite(base, "editor@academy.example", "editor");
    assertAccessible("operators");
    String viewerLink = invite(base, "viewer@academy.example", "viewer");
    signOut();
    setPassword(viewerLink, "viewer password one");
    await().atMost(WAIT).until(() -> browser.findElements(By.id("connections-table")).size() == 1);
    assertThat(browser.findElements(By.cssSelector("button.replay"))).isEmpty();
    assertThat(browser.getPageSource()).contains("Only an editor or an admin can replay");
    signOut();
    setPassword(editorLink, "editor password one");

    await().atMost(WAIT).until(() -> browser.findElements(By.id("connections-table")).size() == 1);
    assertThat(text("connections-table"))
        .contains("private-token")
        .contains(env.credly().organizationId());
    assertThat(text("rules-table"))
        .contains("course-101")
        .contains("tag-added: " + DemoEnvironment.TAG)
        .contains("issue-badge");
    assertThat(text("events-table")).contains(contact).contains("contact.tags-updated");
    String row = "dead-letter-" + letter.id();
    assertThat(text(row)).contains(contact).contains("422");

    await()
        .atMost(WAIT)
        .ignoreException(StaleElementReferenceException.class)
        .until(
            () -> {
              browser.findElement(By.cssSelector("#" + row + " button.replay")).click();
              return true;
            });

    await()
        .atMost(WAIT)
        .ignoreException(StaleElementReferenceException.class)
        .until(() -> !browser.findElements(By.id(row)).isEmpty() && text(row).contains("replayed"));
    assertThat(text("notice")).contains("Replay queued");
    assertThat(text("changes-table"))
        .contains("editor@academy.example")
        .contains("replayed dead letter " + letter.id());
    // `audit --contact` shows the contact's changes with who made them.
    assertThat(
            new io.ghlcredly.storage.JdbcChangeLog(env.engine().database())
                .listForContact(new io.ghlcredly.core.model.ContactId(contact), 10))
        .extracting(io.ghlcredly.core.port.ChangeLog.Change::actor)
        .containsExactly("editor@academy.example");
    await().atMost(WAIT).until(() -> env.credly().countBadges(env.template().id(), contact) == 1);
    browser.navigate().refresh();
    assertAccessible("dashboard");
    // The overview updates itself through htmx, served from its webjar under the page's CSP.
    assertThat(
            ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return typeof htmx === 'object' && htmx.version"))
        .isEqualTo("2.0.4");
    Path screenshot = Path.of("target", "dashboard.png");
    Files.createDirectories(screenshot.getParent());
    Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    assertThat(browser.getPageSource()).doesNotContain(env.adminToken().reveal());
    screenshotAtPhoneWidth("dashboard-390.png");
  }

  /** A screenshot at a phone's width, for review, in {@code target}. */
  private void screenshotAtPhoneWidth(String name) throws IOException {
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 1600));
    browser.navigate().refresh();
    Path screenshot = Path.of("target", name);
    Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 2600));
  }

  @Test
  void throttlesRepeatedWrongPasswordsAndEndsTheSessionOfADisabledOperator() throws IOException {
    String base = "http://127.0.0.1:" + env.engine().port();
    signIn(base, DemoEnvironment.ADMIN_EMAIL, env.adminPassword().reveal());
    String link = invite(base, "leaver@academy.example", "viewer");
    signOut();
    setPassword(link, "leaver password one");
    await().atMost(WAIT).until(() -> browser.findElements(By.id("connections-table")).size() == 1);
    String leaverCookie =
        java.util.Objects.requireNonNull(browser.manage().getCookieNamed("gcs_session")).getValue();
    signOut();

    signIn(base, DemoEnvironment.ADMIN_EMAIL, env.adminPassword().reveal());
    browser.get(base + "/admin/operators");
    browser
        .findElement(
            By.xpath(
                "//tr[contains(., 'leaver@academy.example')]//button[contains(@class,'disable')]"))
        .click();
    await()
        .atMost(WAIT)
        .ignoreException(StaleElementReferenceException.class)
        .until(() -> !browser.findElements(By.id("notice")).isEmpty());
    assertThat(text("notice")).contains("Disabled");
    screenshotAtPhoneWidth("operators-390.png");
    signOut();

    browser.manage().addCookie(new org.openqa.selenium.Cookie("gcs_session", leaverCookie, "/"));
    browser.get(base + "/admin");
    assertThat(browser.findElements(By.id("login"))).hasSize(1);

    for (int attempt = 0; attempt < 6; attempt++) {
      signIn(base, "viewer-nobody@academy.example", "wrong password " + attempt);
    }
    assertThat(text("problem")).contains("Too many failed attempts");
  }

  /** axe-core's WCAG 2 A and AA rules find nothing on the page now shown. */
  private void assertAccessible(String page) {
    Results results =
        new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21aa")).analyze(browser);
    assertThat(results.getViolations())
        .as(page + ": " + results.getViolations().stream().map(Rule::getId).toList())
        .isEmpty();
  }

  private void signIn(String base, String email, String password) {
    browser.get(base + "/admin");
    browser.findElement(By.id("email")).clear();
    browser.findElement(By.id("email")).sendKeys(email);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("sign-in")).click();
    await()
        .atMost(WAIT)
        .ignoreException(StaleElementReferenceException.class)
        .until(
            () ->
                !browser.findElements(By.id("sign-out")).isEmpty()
                    || !browser.findElements(By.id("problem")).isEmpty());
  }

  private void signOut() {
    browser.findElement(By.id("sign-out")).click();
    // The post and its redirect finish before the next navigation, which they would otherwise undo.
    await().atMost(WAIT).until(() -> browser.findElements(By.id("login")).size() == 1);
  }

  private String invite(String base, String email, String role) {
    browser.get(base + "/admin/operators");
    browser.findElement(By.id("invite-email")).sendKeys(email);
    browser.findElement(By.cssSelector("#invite-role option[value='" + role + "']")).click();
    browser.findElement(By.id("invite-button")).click();
    await()
        .atMost(WAIT)
        .ignoreException(StaleElementReferenceException.class)
        .until(() -> !browser.findElements(By.id("invite-link")).isEmpty());
    return text("invite-link");
  }

  private void setPassword(String link, String password) {
    browser.get(link);
    assertThat(browser.findElements(By.id("confirmation")))
        .as(link + " shows " + browser.getPageSource())
        .hasSize(1);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("confirmation")).sendKeys(password);
    browser.findElement(By.id("set-password")).click();
    await().atMost(WAIT).until(() -> !browser.findElements(By.id("sign-out")).isEmpty());
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private static EmulatorResponse refusal() {
    return EmulatorResponse.json(422, "{\"data\":{\"message\":\"Recipient email is not valid\"}}");
  }
}

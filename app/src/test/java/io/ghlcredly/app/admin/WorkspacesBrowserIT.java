package io.ghlcredly.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.ghlcredly.app.demo.DemoEnvironment;
import io.ghlcredly.core.model.LocationId;
import io.ghlcredly.storage.JdbcEventInbox;
import io.ghlcredly.storage.JdbcLocationNames;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * {@code /admin/workspaces} in Debian's headless Chromium: the overview lists a location whose
 * events wait for a workspace; the admin creates a workspace (an id that breaks the rule is shown
 * next to its field) and assigns the waiting location, and its held events go back to work.
 * Screenshots at 1280 and 390 pixels go to {@code target} for review.
 */
class WorkspacesBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final LocationId HELD = new LocationId("loc-harbour");
  private static final String HELD_CONTACT = "contact-of-harbour";

  @TempDir Path folder;
  private TwoWorkspaces service;
  private WebDriver browser;
  private String base;

  @BeforeEach
  void start() {
    service = TwoWorkspaces.start(folder, DemoEnvironment.Extras.NONE);
    base = "http://127.0.0.1:" + service.app().port();
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER);
    ChromeDriverService driver =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,2000");
    browser = new ChromeDriver(driver, options);
  }

  @AfterEach
  void stop() {
    browser.quit();
    service.close();
  }

  @Test
  void theAdminCreatesAWorkspaceAndAssignsAWaitingLocationWhoseEventsGoBackToWork()
      throws IOException {
    service.seedHeld(HELD_CONTACT, HELD);
    new JdbcLocationNames(service.app().database()).save(HELD, "Harbour Academy", Instant.now());
    signIn();

    // The overview: each workspace's health by name (the failing one first), and the waiting one.
    assertThat(text("workspace-health")).contains("North Academy").contains("Main Academy");
    assertThat(text("health-north")).contains("no Credly organization connected");
    assertThat(text("held-table")).contains("Harbour Academy").contains("loc-harbour");
    assertThat(browser.findElements(By.id("workspace-picker"))).hasSize(1);
    assertAccessible("overview");
    screenshots("overview-workspaces");

    browser.findElement(By.linkText("Assign to a workspace")).click();
    await().atMost(WAIT).until(() -> !browser.findElements(By.id("create-form")).isEmpty());
    assertThat(browser.findElement(By.cssSelector("#assign-location option:checked")).getText())
        .contains("Harbour Academy");
    // The file's location is shown, but cannot be chosen.
    WebElement fileOption =
        browser.findElement(
            By.cssSelector("#assign-location option[value='" + service.academyLocation() + "']"));
    assertThat(fileOption.getAttribute("disabled")).isNotNull();
    assertThat(fileOption.getText()).contains("set in the configuration file");

    // An id that breaks the rule: the error is next to its field and in the summary.
    browser.findElement(By.id("ws-name")).sendKeys("South Academy");
    browser.findElement(By.id("ws-id")).sendKeys("South Academy!");
    browser.findElement(By.id("create-button")).click();
    await()
        .atMost(WAIT)
        .ignoreException(StaleElementReferenceException.class)
        .until(() -> !browser.findElements(By.id("ws-id-error")).isEmpty());
    assertThat(text("ws-id-error")).contains("lower-case letters, digits or dashes");
    assertThat(text("error-summary")).contains("lower-case letters");
    assertThat(browser.findElement(By.id("ws-name")).getAttribute("value"))
        .isEqualTo("South Academy");
    assertAccessible("create with an error");

    browser.findElement(By.id("ws-id")).clear();
    browser.findElement(By.id("create-button")).click();
    awaitNotice();
    assertThat(text("notice")).contains("Workspace created");
    assertThat(text("workspace-south-academy")).contains("South Academy").contains("south-academy");

    // Assign the waiting location to the file's workspace, which has a Credly organization.
    option("assign-location", HELD.value()).click();
    option("assign-workspace", "academy").click();
    browser.findElement(By.id("assign-button")).click();
    awaitNotice();
    assertThat(text("notice")).contains("Location assigned");
    assertThat(text("workspace-academy")).contains("Harbour Academy");
    JdbcEventInbox inbox = new JdbcEventInbox(service.app().database());
    await().atMost(WAIT).until(() -> inbox.listHeld().isEmpty());
    await()
        .atMost(WAIT)
        .until(
            () ->
                inbox.listRecent(50).stream()
                    .filter(
                        entry -> entry.received().event().contactId().value().equals(HELD_CONTACT))
                    .noneMatch(entry -> Objects.equals(entry.outcome(), "held")));
    assertAccessible("workspaces");
    screenshots("workspaces");

    browser.get(base + "/admin/api/changes");
    assertThat(browser.getPageSource())
        .contains("created workspace South Academy")
        .contains("assigned location loc-harbour to workspace academy");
  }

  private void signIn() {
    browser.get(base + "/admin");
    browser.findElement(By.id("email")).sendKeys(DemoEnvironment.ADMIN_EMAIL);
    browser.findElement(By.id("password")).sendKeys(service.env().adminPassword().reveal());
    browser.findElement(By.id("sign-in")).click();
    await()
        .atMost(WAIT)
        .ignoreException(StaleElementReferenceException.class)
        .until(() -> !browser.findElements(By.id("workspace-health")).isEmpty());
  }

  private void awaitNotice() {
    await()
        .atMost(WAIT)
        .ignoreException(StaleElementReferenceException.class)
        .until(() -> !browser.findElements(By.id("notice")).isEmpty());
  }

  /** The page now shown at 1280 and at 390 pixels wide, in {@code target}. */
  private void screenshots(String name) throws IOException {
    Path wide = Path.of("target", name + ".png");
    Files.createDirectories(wide.getParent());
    Files.write(wide, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    browser.manage().window().setSize(new Dimension(390, 1800));
    browser.navigate().refresh();
    Files.write(
        Path.of("target", name + "-390.png"),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    browser.manage().window().setSize(new Dimension(1280, 2000));
    browser.navigate().refresh();
  }

  /** axe-core's WCAG 2 A and AA rules find nothing on the page now shown. */
  private void assertAccessible(String page) {
    Results results =
        new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21aa")).analyze(browser);
    assertThat(results.getViolations())
        .as(page + ": " + results.getViolations().stream().map(Rule::getId).toList())
        .isEmpty();
  }

  private WebElement option(String select, String value) {
    return browser.findElement(By.cssSelector("#" + select + " option[value='" + value + "']"));
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }
}

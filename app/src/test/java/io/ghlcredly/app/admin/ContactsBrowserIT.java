package io.ghlcredly.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.ghlcredly.app.demo.DemoEnvironment;
import io.ghlcredly.core.model.LocationId;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * {@code /admin/contacts} in Debian's headless Chromium: an editor searches by email, opens the
 * contact, sees its badge and its events in plain words, and retries its failure; a name holding
 * {@code <script>} shows as text. Screenshots at 1280 and 390 pixels go to {@code target}.
 */
class ContactsBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String ADA = "contact-ada";
  private static final String SCRIPT_NAME = "<script>alert(1)</script>";

  @TempDir Path folder;
  private TwoWorkspaces service;
  private WebDriver browser;
  private String base;

  @BeforeEach
  void start() {
    service = TwoWorkspaces.start(folder, DemoEnvironment.Extras.NONE);
    LocationId academy = new LocationId(service.academyLocation());
    service.seedContact(ADA, academy);
    service.namePerson(ADA, academy, "Ada", "ada@academy.example", "course-101-complete");
    service.seedContact("contact-script", academy);
    service.namePerson(
        "contact-script", academy, SCRIPT_NAME, "script@academy.example", "course-101-complete");
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
  void anEditorFindsAContactByEmailAndReadsItsTimeline() throws IOException {
    signIn();
    assertThat(text("dead-letters")).isNotNull();
    browser.findElement(By.linkText("Contacts")).click();
    await().atMost(WAIT).until(() -> !browser.findElements(By.id("search-form")).isEmpty());
    assertThat(text("empty")).contains("Type part of a name");
    assertAccessible("contacts, empty");
    screenshots("contacts-empty");

    browser.findElement(By.id("q")).sendKeys("ada@academy.example");
    browser.findElement(By.id("search-button")).click();
    awaitElement("results");
    assertThat(text("results"))
        .contains("Ada Lovelace")
        .contains("ada@academy.example")
        .contains("course-101-complete");
    assertAccessible("contacts, results");
    screenshots("contacts-results");

    browser.findElement(By.linkText("Ada Lovelace")).click();
    awaitElement("timeline");
    assertThat(text("contact-name")).isEqualTo("Ada Lovelace");
    assertThat(text("badges-held")).contains("course-101-complete");
    assertThat(text("timeline"))
        .contains("Tags changed")
        .doesNotContain("contact.tags-updated")
        .contains("Issue a badge")
        .contains("Badge course-101-complete")
        .contains("Failed, needs attention")
        .contains("HTTP 422");
    assertAccessible("contact");
    screenshots("contact");

    browser.findElement(By.cssSelector("button.retry")).click();
    awaitElement("notice");
    assertThat(text("notice")).contains("Retry queued");
    assertThat(text("timeline")).contains("Failed, retried since");

    // A name holding markup is shown as text, in the search and on its page.
    browser.get(base + "/admin/contacts?q=script%40academy.example");
    awaitElement("results");
    assertThat(text("results")).contains(SCRIPT_NAME);
    browser.get(base + "/admin/contacts/contact-script");
    awaitElement("contact-name");
    assertThat(text("contact-name")).isEqualTo(SCRIPT_NAME + " Lovelace");
    assertThat(browser.getPageSource()).doesNotContain("<script>alert(1)</script>");
  }

  private void signIn() {
    browser.get(base + "/admin");
    browser.findElement(By.id("email")).sendKeys(DemoEnvironment.ADMIN_EMAIL);
    browser.findElement(By.id("password")).sendKeys(service.env().adminPassword().reveal());
    browser.findElement(By.id("sign-in")).click();
    awaitElement("workspace-health");
  }

  private void awaitElement(String id) {
    await()
        .atMost(WAIT)
        .ignoreException(StaleElementReferenceException.class)
        .until(() -> !browser.findElements(By.id(id)).isEmpty());
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

  private String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }
}

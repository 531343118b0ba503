package io.ghlcredly.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ghlcredly.app.demo.DemoEnvironment;
import io.ghlcredly.core.model.DeadLetter;
import io.ghlcredly.testkit.server.EmulatorResponse;
import io.ghlcredly.testkit.server.Fault;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    browser.get(base + "/admin");
    browser.findElement(By.id("token")).sendKeys(env.adminToken().reveal());
    browser.findElement(By.id("sign-in")).click();

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
    await().atMost(WAIT).until(() -> env.credly().countBadges(env.template().id(), contact) == 1);
    browser.navigate().refresh();
    Path screenshot = Path.of("target", "dashboard.png");
    Files.createDirectories(screenshot.getParent());
    Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    assertThat(browser.getPageSource()).doesNotContain(env.adminToken().reveal());
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private static EmulatorResponse refusal() {
    return EmulatorResponse.json(422, "{\"data\":{\"message\":\"Recipient email is not valid\"}}");
  }
}

package io.jenkins.plugins.dockerbuildwebhooks.live;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's chromium, headless, driven as a user would: clicks, typing, waiting for what shows. */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final WebDriver driver;
    private final Path screenshots;

    Browser(Path profile, Path screenshots) {
        this.screenshots = screenshots;
        // an explicit driver keeps Selenium Manager from looking for (and downloading) one
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1800", "--user-data-dir=" + profile);
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement await(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
        });
    }

    void awaitText(By by, String text) throws Exception {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> d.findElements(by).stream()
                    .anyMatch(e -> e.getText().contains(text)));
        } catch (org.openqa.selenium.TimeoutException e) {
            // the page as it was when the text did not come: what a failure report needs first
            screenshot("timeout-" + (++timeouts));
            throw new AssertionError("the page " + driver.getCurrentUrl() + " never showed \"" + text + "\"; it shows:\n"
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    private int timeouts;

    /** A visible button (or link styled as one) with exactly this text. */
    WebElement button(String text) {
        return await(By.xpath("//button[normalize-space()='" + text + "'] | //a[normalize-space()='" + text + "']"));
    }

    void click(WebElement e) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
        e.click();
    }

    void type(WebElement e, String text) {
        e.clear();
        e.sendKeys(text);
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    Path screenshot(String name) throws Exception {
        Files.createDirectories(screenshots);
        Path file = screenshots.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}

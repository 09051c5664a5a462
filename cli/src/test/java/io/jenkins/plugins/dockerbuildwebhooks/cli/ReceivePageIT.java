package io.jenkins.plugins.dockerbuildwebhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The receive page in a real headless browser (Debian's chromium and chromedriver): deliveries
 * appear without a reload, a bad signature is flagged, a repeated webhook-id is shown as a
 * duplicate, and markup in a payload is shown as text.
 */
class ReceivePageIT {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String IMAGE_ID = "dd474e058f40d58eb3a2d981b87a48607c8fab4dd168d7ef7354e833d2b74092";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static WebDriver browser(Path profile) {
        Path chromium = EndToEnd.executable("/usr/bin/chromium", "chromium");
        Path chromedriver = EndToEnd.executable("/usr/bin/chromedriver", "chromium-driver");
        // an explicit driver keeps Selenium Manager from looking for (and downloading) one
        System.setProperty("webdriver.chrome.driver", chromedriver.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static String payload(String tag) {
        return "{\"callback_url\":\"\",\"push_data\":{\"images\":[\"" + IMAGE_ID + "\"],\"pusher\":\"page-test\","
                + "\"tag\":\"" + tag + "\"},\"repository\":{\"repo_name\":\"127.0.0.1:5000/demo/app\"}}";
    }

    /** Posts a body signed as a Standard Webhooks and X-Hub-Signature-256 sender signs it. */
    private static int post(String url, String id, String body, String hubSecret) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        Mac standard = Mac.getInstance("HmacSHA256");
        standard.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring(6)), "HmacSHA256"));
        String signature = "v1," + Base64.getEncoder().encodeToString(
                standard.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        Mac hub = Mac.getInstance("HmacSHA256");
        hub.init(new SecretKeySpec(hubSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "hooks/docker"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", timestamp)
                .header("webhook-signature", signature)
                .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(hub.doFinal(bytes)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static List<WebElement> awaitDeliveries(WebDriver driver, int count) {
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> d.findElements(By.cssSelector("article.delivery")).size() >= count);
        return driver.findElements(By.cssSelector("article.delivery"));
    }

    private static WebElement delivery(WebDriver driver, int seq) {
        return driver.findElement(By.id("delivery-" + seq));
    }

    private static String field(WebElement delivery, String name) {
        return delivery.findElement(By.cssSelector("dd[data-field='" + name + "']")).getText();
    }

    @Test
    void shouldShowDeliveriesLiveWithSignatureChecksAndDuplicates(@TempDir Path dir) throws Exception {
        Path profile = Files.createDirectories(dir.resolve("chromium-profile"));
        WebDriver driver = browser(profile);
        try (ReceiverProcess receiver = ReceiverProcess.start(Map.of("DBW_PAGE_SECRET", SECRET),
                "--secret-env", "DBW_PAGE_SECRET")) {
            driver.get(receiver.url());
            new WebDriverWait(driver, Duration.ofSeconds(60))
                    .until(d -> d.findElement(By.id("status")).getText().startsWith("Waiting"));

            // sent after the page loaded: it must appear without a reload
            assertThat(post(receiver.url(), "msg_good", payload("1.0"), SECRET)).isEqualTo(200);
            assertThat(post(receiver.url(), "msg_bad", payload("2.0"), "not the secret")).isEqualTo(200);
            assertThat(post(receiver.url(), "msg_good", payload("1.0"), SECRET)).isEqualTo(200);
            String hostile = "<img src=x onerror=\"document.title='pwned'\">";
            assertThat(post(receiver.url(), "msg_hostile", payload(hostile.replace("\"", "\\\"")), SECRET))
                    .isEqualTo(200);
            awaitDeliveries(driver, 4);

            WebElement good = delivery(driver, 1);
            assertThat(field(good, "repository.repo_name")).isEqualTo("127.0.0.1:5000/demo/app");
            assertThat(field(good, "push_data.tag")).isEqualTo("1.0");
            assertThat(field(good, "push_data.pusher")).isEqualTo("page-test");
            assertThat(field(good, "push_data.images")).isEqualTo(IMAGE_ID);
            assertThat(good.getAttribute("class")).doesNotContain("invalid");
            assertThat(good.findElement(By.cssSelector(".badge[data-check='Standard Webhooks']")).getText())
                    .isEqualTo("Standard Webhooks: valid");
            assertThat(good.findElement(By.cssSelector(".badge[data-check='X-Hub-Signature-256']")).getText())
                    .isEqualTo("X-Hub-Signature-256: valid");
            assertThat(good.findElement(By.cssSelector("pre.json")).getText())
                    .contains("\"push_data\": {", "\"tag\": \"1.0\"");

            WebElement bad = delivery(driver, 2);
            assertThat(bad.getAttribute("class")).contains("invalid");
            assertThat(bad.findElement(By.cssSelector(".badge[data-check='X-Hub-Signature-256']")).getText())
                    .isEqualTo("X-Hub-Signature-256: invalid");

            WebElement again = delivery(driver, 3);
            assertThat(again.getAttribute("class")).contains("duplicate");
            assertThat(again.findElement(By.cssSelector(".badge.duplicate")).getText())
                    .startsWith("duplicate of #1 (attempt 2");
            assertThat(delivery(driver, 1).findElements(By.cssSelector(".badge.duplicate"))).isEmpty();

            WebElement hostileDelivery = delivery(driver, 4);
            assertThat(field(hostileDelivery, "push_data.tag")).isEqualTo(hostile);
            assertThat(hostileDelivery.findElements(By.tagName("img"))).isEmpty();
            assertThat(driver.getTitle()).doesNotContain("pwned");
        } finally {
            driver.quit();
        }
    }
}

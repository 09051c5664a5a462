package io.jenkins.plugins.dockerbuildwebhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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
 * duplicate, markup in a payload is shown as text, and header names are shown as they were sent.
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

    /** {@code send}, the packaged jar as a process, with the secret it signs with in its environment. */
    private static void send(String url, String tag, String secret) throws Exception {
        CliProcess.Result sent = CliProcess.runWithEnv(Map.of("DBW_PAGE_SEND_SECRET", secret), "send",
                "--image", "127.0.0.1:5000/demo/app:" + tag, "--image-id", "sha256:" + IMAGE_ID,
                "--pusher", "page-test", "--secret-env", "DBW_PAGE_SEND_SECRET", "--url", url + "hooks/docker");
        assertThat(sent.exitCode()).as("send:\n" + sent.stdout() + sent.stderr()).isZero();
    }

    /** A hostile body, posted without signatures: what a page must show as text. */
    private static int postUnsigned(String url, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "hooks/docker"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A request written byte for byte on a socket: header names in the case the page must show. */
    private static void postWithMixedCaseNames(String url) throws Exception {
        URI uri = URI.create(url);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /hooks/raw HTTP/1.1\r\nHost: " + uri.getAuthority()
                    + "\r\nx-HUB-signature-256: sha256=00\r\nWebHook-ID: msg_case\r\ncontent-length: 2\r\n"
                    + "Connection: close\r\n\r\n{}").getBytes(StandardCharsets.ISO_8859_1));
            assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1))
                    .startsWith("HTTP/1.1 ");
        }
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
        // --fail-first 1: send's first attempt of each delivery gets 503, its retry (same
        // webhook-id) succeeds and must show as a duplicate
        try (ReceiverProcess receiver = ReceiverProcess.start(Map.of("DBW_PAGE_SECRET", SECRET),
                "--secret-env", "DBW_PAGE_SECRET", "--fail-first", "1")) {
            driver.get(receiver.url());
            new WebDriverWait(driver, Duration.ofSeconds(60))
                    .until(d -> d.findElement(By.id("status")).getText().startsWith("Waiting"));

            // sent after the page loaded: they must appear without a reload
            send(receiver.url(), "1.0", SECRET);
            send(receiver.url(), "2.0", "whsec_" + Base64.getEncoder().encodeToString(
                    "another key, not the receiver's".getBytes(StandardCharsets.UTF_8)));
            String hostile = "<img src=x onerror=\"document.title='pwned'\">";
            postUnsigned(receiver.url(), "{\"push_data\":{\"tag\":\"" + hostile.replace("\"", "\\\"")
                    + "\"},\"repository\":{\"repo_name\":\"x/y\"}}");
            postWithMixedCaseNames(receiver.url());
            awaitDeliveries(driver, 6);

            WebElement first = delivery(driver, 1);
            assertThat(field(first, "repository.repo_name")).isEqualTo("127.0.0.1:5000/demo/app");
            assertThat(field(first, "push_data.tag")).isEqualTo("1.0");
            assertThat(field(first, "push_data.pusher")).isEqualTo("page-test");
            assertThat(field(first, "push_data.images")).isEqualTo(IMAGE_ID);
            assertThat(first.getAttribute("class")).doesNotContain("invalid").doesNotContain("duplicate");
            assertThat(first.findElement(By.cssSelector(".badge[data-check='Standard Webhooks']")).getText())
                    .isEqualTo("Standard Webhooks: valid");
            assertThat(first.findElement(By.cssSelector(".badge[data-check='X-Hub-Signature-256']")).getText())
                    .isEqualTo("X-Hub-Signature-256: valid");
            assertThat(first.findElement(By.cssSelector("pre.json")).getText())
                    .contains("\"push_data\": {", "\"tag\": \"1.0\"");

            WebElement retry = delivery(driver, 2);
            assertThat(retry.getAttribute("class")).contains("duplicate").doesNotContain("invalid");
            assertThat(retry.findElement(By.cssSelector(".badge.duplicate")).getText())
                    .startsWith("duplicate of #1 (attempt 2");

            WebElement forged = delivery(driver, 3);
            assertThat(field(forged, "push_data.tag")).isEqualTo("2.0");
            assertThat(forged.getAttribute("class")).contains("invalid");
            assertThat(forged.findElement(By.cssSelector(".badge[data-check='Standard Webhooks']")).getText())
                    .isEqualTo("Standard Webhooks: invalid");
            assertThat(forged.findElement(By.cssSelector(".badge[data-check='X-Hub-Signature-256']")).getText())
                    .isEqualTo("X-Hub-Signature-256: invalid");

            WebElement hostileDelivery = delivery(driver, 5);
            assertThat(field(hostileDelivery, "push_data.tag")).isEqualTo(hostile);
            assertThat(hostileDelivery.findElements(By.tagName("img"))).isEmpty();
            assertThat(driver.getTitle()).doesNotContain("pwned");

            // the header table is folded away: its text is read without opening it
            List<String> names = delivery(driver, 6).findElements(By.cssSelector("table.headers tr td:first-child"))
                    .stream().map(td -> td.getAttribute("textContent")).toList();
            assertThat(names).containsExactly("Host", "x-HUB-signature-256", "WebHook-ID", "content-length",
                    "Connection");
        } finally {
            driver.quit();
        }
    }
}

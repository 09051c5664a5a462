package io.jenkins.plugins.dockerbuildwebhooks.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The plugin used as a Jenkins administrator uses it, in a real Jenkins ({@code java -jar
 * jenkins.war} with the packaged {@code .hpi}) and a real browser: add a signing secret, configure
 * an endpoint on the System page and press "Send test delivery", build and push an image with a
 * freestyle job and with a Pipeline, open each build's "Docker webhooks" page and redeliver from
 * there. The receiver is the CLI's {@code receive}; Docker and the registry are the ones
 * {@code .ci/services.sh} starts ({@code DOCKER_HOST}, {@code DBW_REGISTRY}). Screenshots of every
 * page land in {@code target/live-jenkins/}. Skips, saying why, where any of these is missing.
 */
class LiveJenkinsIT {
    private static final String SECRET = "whsec_bGl2ZS1jaGVjay1zaWduaW5nLWtleS0wMTIzNDU2Nzg5";
    private static final String CREDENTIAL = "webhook-signing";

    private static Path property(String name) {
        String value = System.getProperty(name);
        assumeTrue(value != null, "system property " + name + " is not set (run through mvn -Pjenkins verify)");
        return Path.of(value);
    }

    private static void require(boolean condition, String reason) {
        assumeTrue(condition, reason);
    }

    @Test
    void shouldWorkAsAnAdministratorUsesIt(@TempDir Path dir) throws Exception {
        Path war = property("live.war");
        Path hpi = property("live.hpi");
        Path plugins = property("live.plugins");
        Path cli = property("live.cli");
        Path out = property("live.out");
        require(Files.isRegularFile(war), "no jenkins.war at " + war);
        require(Files.isRegularFile(hpi), "no packaged plugin at " + hpi + " (run the verify phase)");
        require(Files.isDirectory(plugins), "no resolved test plugins at " + plugins);
        require(Files.isRegularFile(cli), "no CLI jar at " + cli + " (build cli/ first)");
        require(Files.isExecutable(Browser.CHROMIUM) && Files.isExecutable(Browser.CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed");
        String dockerHost = System.getenv("DOCKER_HOST");
        String registry = System.getenv("DBW_REGISTRY");
        require(dockerHost != null && registry != null,
                "DOCKER_HOST and DBW_REGISTRY are not set: start dockerd and the registry as .ci/services.sh does");
        String docker = System.getenv().getOrDefault("DBW_DOCKER", "docker");

        List<Path> all = new ArrayList<>(LiveJenkins.hpis(plugins));
        all.add(hpi);
        try (LiveProcess receiver = LiveProcess.start("receive", dir, Map.of("DBW_LIVE_SECRET", SECRET),
                        List.of(javaBin(), "-jar", cli.toString(), "receive", "--port", "0",
                                "--secret-env", "DBW_LIVE_SECRET", "--callback", "success"));
                LiveJenkins jenkins = LiveJenkins.start(war, all, dir,
                        Map.of("DOCKER_HOST", dockerHost, "DBW_REGISTRY", registry, "DBW_DOCKER", docker));
                Browser browser = new Browser(Files.createDirectories(dir.resolve("chromium")), out)) {
            String receiverUrl = receiver.await(Pattern.compile("listening on (http://\\S+/)"), Duration.ofSeconds(60));
            String hook = receiverUrl + "hooks/jenkins";

            logIn(browser, jenkins);
            addSigningSecret(browser, jenkins);
            configureEndpoint(browser, jenkins, hook);
            assertThat(receiver.await(Pattern.compile("(#1 POST /hooks/jenkins -> 200 .*)"), Duration.ofSeconds(30)))
                    .contains("example/webhook-test:test", "Standard Webhooks: valid", "X-Hub-Signature-256: valid");

            createFreestyleJob(browser, jenkins, docker, registry);
            build(browser, jenkins, "freestyle-docker");
            browser.open(jenkins.url("job/freestyle-docker/1/"));
            browser.awaitText(By.tagName("body"), "Docker webhooks: 1 delivered, 0 failed");
            browser.screenshot("06-freestyle-build");
            browser.open(jenkins.url("job/freestyle-docker/1/docker-webhooks/"));
            browser.awaitText(By.tagName("body"), "1 delivered, 0 failed");
            assertThat(browser.text()).contains(registry + "/demo/live:1 → live-receiver", "DELIVERED");
            browser.screenshot("07-freestyle-docker-webhooks");
            assertThat(receiver.await(Pattern.compile("(#\\d+ POST /hooks/jenkins -> 200\\s+" + Pattern.quote(registry)
                    + "/demo/live:1 .*)"), Duration.ofSeconds(30))).contains("Standard Webhooks: valid");

            browser.click(browser.button("Redeliver"));
            browser.awaitText(By.tagName("body"), "Redelivery of");
            browser.screenshot("08-freestyle-redelivered");
            await(() -> receiver.lines().stream().filter(l -> l.contains("/demo/live:1 ")).count() >= 2,
                    "the redelivery reaches the receiver");

            createPipelineJob(browser, jenkins, docker, registry);
            build(browser, jenkins, "pipeline-docker");
            browser.open(jenkins.url("job/pipeline-docker/1/console"));
            browser.awaitText(By.tagName("body"), "Finished: SUCCESS");
            assertThat(browser.text()).contains("dockerWebhook result: DELIVERED " + registry + "/demo/pipeline:1");
            browser.screenshot("09-pipeline-console");
            browser.open(jenkins.url("job/pipeline-docker/1/docker-webhooks/"));
            browser.awaitText(By.tagName("body"), "1 delivered, 0 failed");
            browser.awaitText(By.tagName("body"), "Callback: success");
            browser.screenshot("10-pipeline-docker-webhooks");
            assertThat(String.join("\n", jenkins.log())).doesNotContain(SECRET);
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void logIn(Browser browser, LiveJenkins jenkins) throws Exception {
        browser.open(jenkins.url("login"));
        browser.type(browser.await(By.id("j_username")), LiveJenkins.ADMIN);
        browser.type(browser.await(By.name("j_password")), LiveJenkins.PASSWORD);
        browser.screenshot("01-login");
        browser.click(browser.await(By.name("Submit")));
        browser.awaitText(By.tagName("body"), "Manage Jenkins");
    }

    private static void addSigningSecret(Browser browser, LiveJenkins jenkins) throws Exception {
        browser.open(jenkins.url("manage/credentials/store/system/domain/_/"));
        browser.click(browser.await(By.cssSelector("button[data-type='credentials-add-store-item']")));
        WebElement kind = browser.await(By.xpath("//input[@name='kind' and contains(@value, 'StringCredentialsImpl')]/.."));
        browser.click(kind);
        browser.click(browser.await(By.id("cr-dialog-next")));
        browser.type(browser.await(By.name("_.secret")), SECRET);
        browser.type(browser.await(By.name("_.id")), CREDENTIAL);
        browser.type(browser.await(By.name("_.description")), "Signs Docker webhooks");
        browser.screenshot("02-add-secret-text");
        browser.click(browser.button("Create"));
        browser.awaitText(By.tagName("body"), CREDENTIAL);
    }

    private static void configureEndpoint(Browser browser, LiveJenkins jenkins, String hook) throws Exception {
        browser.open(jenkins.url("manage/configure"));
        browser.click(browser.button("Add endpoint"));
        WebElement id = browser.await(By.cssSelector("input[name='_.id']"));
        browser.type(id, "live-receiver");
        // Within the endpoint's own block: the page has other fields named _.url (the Jenkins URL).
        WebElement endpoint = id.findElement(By.xpath("./ancestor::div[contains(@class, 'repeated-chunk')][1]"));
        browser.type(endpoint.findElement(By.cssSelector("input[name='_.url']")), hook);
        WebElement secret = endpoint.findElement(By.cssSelector("select[name='_.secretCredentialsId']"));
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> secret.findElements(By.cssSelector("option[value='" + CREDENTIAL + "']")).size() == 1);
        new Select(secret).selectByValue(CREDENTIAL);
        browser.click(endpoint.findElement(By.xpath(".//input[@name='_.callbacks']/following-sibling::label | .//input[@name='_.callbacks']/..")));
        browser.click(endpoint.findElement(By.xpath(".//button[normalize-space()='Send test delivery']")));
        browser.awaitText(By.tagName("body"), "DELIVERED: HTTP 200 in ");
        browser.screenshot("03-system-endpoint-test-delivery");
        browser.click(browser.button("Save"));
        browser.awaitText(By.tagName("body"), "Manage Jenkins");
    }

    private static void newJob(Browser browser, LiveJenkins jenkins, String name, String typeClass) throws Exception {
        browser.open(jenkins.url("view/all/newJob"));
        browser.type(browser.await(By.id("name")), name);
        browser.click(browser.await(By.cssSelector("li." + typeClass)));
        browser.click(browser.await(By.id("ok-button")));
        browser.await(By.name("Submit"));
    }

    private static void createFreestyleJob(Browser browser, LiveJenkins jenkins, String docker, String registry)
            throws Exception {
        newJob(browser, jenkins, "freestyle-docker", "hudson_model_FreeStyleProject");
        browser.click(browser.button("Add build step"));
        browser.click(browser.button("Execute shell"));
        String shell = """
                mkdir -p build
                printf 'FROM scratch\\nCOPY hello.txt /\\n' > Dockerfile
                echo "built by job $JOB_NAME #$BUILD_NUMBER" > hello.txt
                DOCKER_BUILDKIT=0 "$DBW_DOCKER" build --iidfile build/iid -t "$DBW_REGISTRY/demo/live:$BUILD_NUMBER" .
                "$DBW_DOCKER" push "$DBW_REGISTRY/demo/live:$BUILD_NUMBER"
                """;
        // the build step's form arrives asynchronously after the menu click
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d ->
                !d.findElements(By.cssSelector(".CodeMirror, textarea[name='command']")).isEmpty());
        browser.script("const cm = document.querySelector('.CodeMirror'); if (cm && cm.CodeMirror) { cm.CodeMirror.setValue(arguments[0]); cm.CodeMirror.save(); }"
                + " else { document.querySelector(\"textarea[name='command']\").value = arguments[0]; }", shell);
        browser.click(browser.button("Add post-build action"));
        browser.click(browser.button("Send Docker build webhooks"));
        browser.type(browser.await(By.cssSelector("input[name='_.images']")), "${DBW_REGISTRY}/demo/live:${BUILD_NUMBER}");
        browser.type(browser.await(By.cssSelector("input[name='_.iidFile']")), "build/iid");
        browser.screenshot("04-freestyle-configure");
        browser.click(browser.button("Save"));
        browser.awaitText(By.tagName("body"), "freestyle-docker");
    }

    private static void createPipelineJob(Browser browser, LiveJenkins jenkins, String docker, String registry)
            throws Exception {
        newJob(browser, jenkins, "pipeline-docker", "org_jenkinsci_plugins_workflow_job_WorkflowJob");
        String script = """
                node {
                  sh '''
                    mkdir -p build
                    printf 'FROM scratch\\\\nCOPY hello.txt /\\\\n' > Dockerfile
                    echo "built by $JOB_NAME" > hello.txt
                    DOCKER_BUILDKIT=0 "$DBW_DOCKER" build --iidfile build/iid -t "$DBW_REGISTRY/demo/pipeline:$BUILD_NUMBER" .
                    "$DBW_DOCKER" push "$DBW_REGISTRY/demo/pipeline:$BUILD_NUMBER"
                  '''
                  def results = dockerWebhook images: "${env.DBW_REGISTRY}/demo/pipeline:${env.BUILD_NUMBER}", iidFile: 'build/iid'
                  for (r in results) {
                    echo "dockerWebhook result: ${r.outcome} ${r.reference}"
                  }
                }
                """;
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d ->
                !d.findElements(By.cssSelector(".ace_editor, textarea[name='_.script']")).isEmpty());
        browser.script("const ed = document.querySelector('.ace_editor');"
                + " if (ed && window.ace) { ace.edit(ed).setValue(arguments[0], 1); }"
                + " const ta = document.querySelector(\"textarea[name='_.script']\"); if (ta) { ta.value = arguments[0]; }",
                script);
        browser.screenshot("05-pipeline-configure");
        browser.click(browser.button("Save"));
        browser.awaitText(By.tagName("body"), "pipeline-docker");
    }

    private static void build(Browser browser, LiveJenkins jenkins, String job) throws Exception {
        browser.open(jenkins.url("job/" + job + "/"));
        browser.click(browser.await(By.xpath("//a[contains(normalize-space(), 'Build Now')]")));
        browser.open(jenkins.url("job/" + job + "/1/console"));
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofMinutes(5)).until(d -> {
            d.navigate().refresh();
            return d.findElement(By.tagName("body")).getText().contains("Finished: ");
        });
        assertThat(browser.text()).as("console of " + job).contains("Finished: SUCCESS");
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(200);
        }
    }
}

package io.jenkins.plugins.dockerbuildwebhooks.callback;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.ExtensionList;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The callback endpoint over real HTTP against a running Jenkins: token checks, body checks, and
 * that the CSRF exclusion covers the callback path and nothing else. Reports are captured by a
 * test inbox, so these tests need no delivery to have been sent.
 */
@WithJenkins
class CallbackEndpointTest {
    private static final String REPORT = """
            {"state":"success","description":"Build result SUCCESS","context":"Jenkins",
             "target_url":"https://ci.example.com/job/deploy/7/"}""";

    private static HttpResponse<String> post(String url, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static CapturingInbox inbox() {
        return ExtensionList.lookupSingleton(CapturingInbox.class);
    }

    private static String callbackUrl(String deliveryId) {
        return CallbackEndpoint.callbackUrlFor(deliveryId).orElseThrow();
    }

    @Test
    void shouldRecordAReportPostedWithoutLoginOrCrumb(JenkinsRule j) throws Exception {
        String url = callbackUrl("msg_0123456789abcdefghijklmnop");
        assertThat(url).startsWith(j.getURL() + "docker-build-webhooks/callback/");

        HttpResponse<String> response = post(url, "application/json; charset=utf-8", REPORT);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("recorded\n");
        CallbackReport report = inbox().received.get("msg_0123456789abcdefghijklmnop");
        assertThat(report.state()).isEqualTo(CallbackState.SUCCESS);
        assertThat(report.description()).isEqualTo("Build result SUCCESS");
        assertThat(report.targetUrl()).contains("https://ci.example.com/job/deploy/7/");
    }

    @Test
    void shouldAnswer404ForForgedOrMalformedTokens(JenkinsRule j) throws Exception {
        String genuine = callbackUrl("msg_genuine");
        String token = genuine.substring(genuine.lastIndexOf('/') + 1);
        String otherDeliveryWithSameMac = j.getURL() + "docker-build-webhooks/callback/bXNnX290aGVy"
                + token.substring(token.indexOf('.'));

        for (String url : List.of(otherDeliveryWithSameMac,
                j.getURL() + "docker-build-webhooks/callback/bXNnX2dlbnVpbmU.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                j.getURL() + "docker-build-webhooks/callback/",
                j.getURL() + "docker-build-webhooks/callback/not-a-token",
                genuine + "/extra")) {
            HttpResponse<String> response = post(url, "application/json", REPORT);
            assertThat(response.statusCode()).as(url).isEqualTo(404);
        }
        assertThat(inbox().received).isEmpty();
    }

    @Test
    void shouldRefuseBadBodiesWithTheirReason(JenkinsRule j) throws Exception {
        String url = callbackUrl("msg_bodies");

        HttpResponse<String> tooLarge = post(url, "application/json",
                "{\"state\":\"success\",\"pad\":\"" + "x".repeat(20_000) + "\"}");
        HttpResponse<String> notJson = post(url, "application/x-www-form-urlencoded", "state=success");
        HttpResponse<String> badState = post(url, "application/json", "{\"state\":\"<b>ok</b>\"}");
        HttpResponse<String> script = post(url, "application/json",
                "{\"state\":\"success\",\"target_url\":\"javascript:alert(1)\"}");
        HttpResponse<String> longContext = post(url, "application/json",
                "{\"state\":\"error\",\"context\":\"" + "c".repeat(101) + "\"}");

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(notJson.statusCode()).isEqualTo(415);
        assertThat(badState.statusCode()).isEqualTo(400);
        assertThat(badState.body()).contains("\"state\" must be one of success, failure, error");
        assertThat(badState.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(script.statusCode()).isEqualTo(400);
        assertThat(script.body()).contains("\"target_url\" must be an absolute http or https URL");
        assertThat(longContext.statusCode()).isEqualTo(400);
        assertThat(inbox().received).isEmpty();
    }

    @Test
    void shouldKeepTheFirstReportAndAnswer409ToLaterOnes(JenkinsRule j) throws Exception {
        String url = callbackUrl("msg_twice");

        HttpResponse<String> first = post(url, null, "{\"state\":\"failure\"}");
        HttpResponse<String> second = post(url, null, "{\"state\":\"success\"}");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(inbox().received.get("msg_twice").state()).isEqualTo(CallbackState.FAILURE);
    }

    @Test
    void shouldAnswer404WhenNoInboxKnowsTheDelivery(JenkinsRule j) throws Exception {
        HttpResponse<String> response = post(callbackUrl(CapturingInbox.UNKNOWN), "application/json", REPORT);

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void shouldNotAcceptGet(JenkinsRule j) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(callbackUrl("msg_get"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(inbox().received).isEmpty();
    }

    @Test
    void shouldExcludeOnlyTheCallbackPathFromCrumbChecks(JenkinsRule j) throws Exception {
        j.createFreeStyleProject("victim");

        // crumb protection stays on for everything else, including look-alike paths
        for (String path : List.of("docker-build-webhooks/", "docker-build-webhooks/callbackx/abc",
                "docker-build-webhooks/other/callback/abc", "job/victim/build", "job/victim/doDelete")) {
            HttpResponse<String> response = post(j.getURL() + path, "application/json", "{}");
            assertThat(response.statusCode()).as(path).isEqualTo(403);
        }
        assertThat(j.jenkins.getItem("victim")).isNotNull();
        assertThat(j.jenkins.getItemByFullName("victim", hudson.model.FreeStyleProject.class).getBuilds()).isEmpty();

        CallbackEndpoint.CallbackCrumbExclusion exclusion =
                ExtensionList.lookupSingleton(CallbackEndpoint.CallbackCrumbExclusion.class);
        assertThat(exclusion).isNotNull();
        assertThat(post(callbackUrl("msg_crumbless"), "application/json", REPORT).statusCode()).isEqualTo(200);
    }

    /** Captures reports instead of recording them on builds; refuses one id to test 404s. */
    @TestExtension
    public static final class CapturingInbox implements CallbackInbox {
        static final String UNKNOWN = "msg_unknown";
        final Map<String, CallbackReport> received = new ConcurrentHashMap<>();

        @Override
        public Acceptance accept(String deliveryId, CallbackReport report) {
            if (deliveryId.equals(UNKNOWN)) {
                return Acceptance.UNKNOWN_DELIVERY;
            }
            return received.putIfAbsent(deliveryId, report) == null ? Acceptance.RECORDED : Acceptance.ALREADY_REPORTED;
        }
    }
}

package io.jenkins.plugins.dockerbuildwebhooks.cli;

import io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackParser;
import io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackState;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonWriter;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Posts a Docker Hub callback ({@code state}, {@code description}, {@code context},
 * {@code target_url}) to a payload's {@code callback_url}, as receivers written for Docker Hub do.
 * Redirects are never followed; only http and https URLs are used.
 */
final class CallbackSender {
    static final String CONTEXT = "docker-build-webhooks receive";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    // made on first use: building a JDK HttpClient sets up TLS, about 200 ms of start-up that a
    // receive without --callback should not pay
    private HttpClient client;

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(TIMEOUT)
                    .build();
        }
        return client;
    }

    /** The callback body. */
    static byte[] body(CallbackState state, String description, String targetUrl) {
        int max = CallbackParser.MAX_DESCRIPTION;
        return JsonWriter.toBytes(false, w -> w.startObject()
                .field("state", state.wireName())
                .field("description", description.length() > max ? description.substring(0, max) : description)
                .field("context", CONTEXT)
                .field("target_url", targetUrl)
                .endObject());
    }

    /** Sends it and returns what happened, in a few words for the page. */
    String send(String callbackUrl, byte[] body) {
        URI uri;
        try {
            uri = new URI(callbackUrl);
        } catch (URISyntaxException e) {
            return "not sent: callback_url is not a URL";
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            return "not sent: callback_url is not http(s)";
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "docker-build-webhooks-receive/" + VersionProvider.version())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = client().send(request, HttpResponse.BodyHandlers.discarding());
            return "answered " + response.statusCode();
        } catch (IOException e) {
            return "failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "failed: interrupted";
        } catch (IllegalArgumentException e) {
            return "not sent: " + e.getMessage();
        }
    }
}

package io.jenkins.plugins.dockerbuildwebhooks.cli;

import io.jenkins.plugins.dockerbuildwebhooks.cli.http.HttpRequest;
import io.jenkins.plugins.dockerbuildwebhooks.cli.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page of {@code receive} and its JSON API. The page is static HTML and script that renders
 * every received value with {@code textContent}; a strict Content-Security-Policy forbids inline
 * script, so even a rendering mistake could not run code from a payload. Requests whose Host is
 * a DNS name other than localhost are refused, so a web site cannot read the deliveries through
 * DNS rebinding.
 */
final class Page {
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final Map<String, String[]> ASSETS = Map.of(
            "/", new String[] {"receive/index.html", "text/html; charset=utf-8"},
            Receiver.UI_PREFIX + "app.js", new String[] {"receive/app.js", "text/javascript; charset=utf-8"},
            Receiver.UI_PREFIX + "style.css", new String[] {"receive/style.css", "text/css; charset=utf-8"});
    private static final String API = Receiver.UI_PREFIX + "api/deliveries";
    private static final Pattern BODY = Pattern.compile(Pattern.quote(API) + "/([0-9]{1,18})/body");
    private static final Pattern AFTER = Pattern.compile("(?:^|&)after=([0-9]{1,18})(?:&|$)");
    private static final Pattern IP_HOST = Pattern.compile("\\[[0-9a-fA-F:.]+\\]|[0-9.]+");

    HttpResponse serve(HttpRequest request, DeliveryLog log, ReceiverSettings settings) {
        return secured(answer(request, log, settings));
    }

    private static HttpResponse answer(HttpRequest request, DeliveryLog log, ReceiverSettings settings) {
        if (!trustedHost(request.header("Host"))) {
            return HttpResponse.text(403, "receive: open this page by IP address or localhost\n");
        }
        String path = request.rawPath();
        String[] asset = ASSETS.get(path);
        if (asset != null) {
            return HttpResponse.of(200, asset[1], resource(asset[0]));
        }
        if (API.equals(path)) {
            long after = after(request.rawQuery());
            byte[] json = DeliveriesJson.write(log.changedAfter(after), log.lastChange(), log.dropped(), settings);
            return HttpResponse.of(200, "application/json", json);
        }
        Matcher body = BODY.matcher(path);
        if (body.matches()) {
            Optional<ReceivedDelivery> d = log.get(Long.parseLong(body.group(1)));
            if (d.isPresent()) {
                return HttpResponse.of(200, "application/octet-stream", d.get().body()).withHeader(
                        "Content-Disposition", "attachment; filename=\"delivery-" + d.get().seq() + ".body\"");
            }
        }
        return HttpResponse.text(404, "not found\n");
    }

    private static HttpResponse secured(HttpResponse response) {
        return response.withHeader("Content-Security-Policy", CSP)
                .withHeader("X-Content-Type-Options", "nosniff")
                .withHeader("Cache-Control", "no-store")
                .withHeader("Referrer-Policy", "no-referrer");
    }

    static boolean trustedHost(String host) {
        if (host == null) {
            return true;
        }
        String name = host.trim();
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            name = end < 0 ? name : name.substring(0, end + 1);
        } else if (name.indexOf(':') >= 0) {
            name = name.substring(0, name.indexOf(':'));
        }
        return "localhost".equalsIgnoreCase(name) || IP_HOST.matcher(name).matches();
    }

    private static long after(String query) {
        if (query == null) {
            return 0;
        }
        Matcher m = AFTER.matcher(query);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static byte[] resource(String name) {
        try (InputStream in = Page.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " in the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
